//! An import's plan in words, for `cercle import bundle --dry-run` and the app's preview.

use super::bundle::{Audience, BundleError};
use super::describe::{self, kind_msg};
use super::import::{Change, Effect, Plan};
use crate::i18n::{Lang, Msg, fill};

/// What an import did, in one line: "Imported: 1 added, 1 changed, 0 removed, 1 to choose."
pub fn summary(plan: &Plan, lang: Lang) -> String {
    let count = |f: fn(&Effect) -> bool| {
        plan.changes
            .iter()
            .filter(|c| f(&c.effect))
            .count()
            .to_string()
    };
    fill(
        Msg::BundleImported.text(lang),
        &[
            ("added", &count(|e| *e == Effect::Added)),
            ("changed", &count(|e| matches!(e, Effect::Changed(_)))),
            ("removed", &count(|e| *e == Effect::Removed)),
            ("conflicts", &plan.conflicts.len().to_string()),
        ],
    )
}

/// The plan as lines of text: who made the bundle, then what it adds, changes, removes,
/// leaves in conflict and ignores.
pub fn lines(plan: &Plan, lang: Lang) -> Vec<String> {
    let bundle = &plan.bundle;
    let whom = match bundle.audience {
        Audience::Trainee => plan
            .data
            .person(&bundle.trainee)
            .map_or_else(|| bundle.trainee.to_string(), |p| p.name.clone()),
        Audience::Trainers => Msg::BundleTheTrainers.text(lang).to_owned(),
    };
    let cohort = plan
        .data
        .cohort(&bundle.cohort)
        .map_or_else(|| bundle.cohort.to_string(), |c| c.name.clone());
    let mut out = vec![fill(
        Msg::BundleHeader.text(lang),
        &[
            ("who", &bundle.made_by.name),
            ("whom", &whom),
            ("cohort", &cohort),
            (
                "when",
                &crate::i18n::format::on_date_at(bundle.made_at, lang),
            ),
        ],
    )];
    if plan.is_empty() {
        out.push(Msg::BundleNothingNew.text(lang).to_owned());
    }
    let groups = [
        (Msg::BundleAdds, "+", Some(Effect::Added)),
        (Msg::BundleChanges, "~", None),
        (Msg::BundleRemoves, "-", Some(Effect::Removed)),
    ];
    for (title, sign, effect) in groups {
        let listed: Vec<&Change> = plan
            .changes
            .iter()
            .filter(|c| match &effect {
                Some(e) => &c.effect == e,
                None => matches!(c.effect, Effect::Changed(_)),
            })
            .collect();
        section(&mut out, title, listed.len(), lang);
        for change in listed {
            out.push(format!("  {sign} {}", change_line(change, lang)));
        }
    }
    section(&mut out, Msg::BundleConflicts, plan.conflicts.len(), lang);
    for conflict in &plan.conflicts {
        out.push(format!(
            "  ! {}",
            describe::path(&plan.data, &conflict.path, lang)
        ));
        for (n, choice) in conflict.choices.iter().enumerate() {
            let value = describe::value(choice.value.as_ref(), lang);
            out.push(match describe::origin(conflict, n, lang) {
                Some(origin) => format!("      {value} ({origin})"),
                None => format!("      {value}"),
            });
        }
    }
    section(&mut out, Msg::BundleIgnored, plan.ignored.len(), lang);
    for change in &plan.ignored {
        out.push(format!("  × {}", change_line(change, lang)));
    }
    out
}

fn section(out: &mut Vec<String>, title: Msg, count: usize, lang: Lang) {
    if count > 0 {
        out.push(fill(title.text(lang), &[("n", &count.to_string())]));
    }
}

fn change_line(change: &Change, lang: Lang) -> String {
    let mut line = format!("{} {}", kind_msg(change.kind).text(lang), change.title);
    if let Effect::Changed(fields) = &change.effect
        && !fields.is_empty()
    {
        line.push_str(": ");
        let words: Vec<String> = fields.iter().map(|f| describe::field(f, lang)).collect();
        line.push_str(&words.join(", "));
    }
    line
}

/// A refused bundle, in words.
pub fn refusal(error: &BundleError, lang: Lang) -> String {
    match error {
        BundleError::Truncated { line, column } => fill(
            Msg::BundleTruncated.text(lang),
            &[("line", &line.to_string()), ("column", &column.to_string())],
        ),
        BundleError::NotABundle { line, column, .. } => fill(
            Msg::BundleNotABundle.text(lang),
            &[("line", &line.to_string()), ("column", &column.to_string())],
        ),
        BundleError::Newer(version) => fill(
            Msg::BundleNewer.text(lang),
            &[
                ("version", &version.to_string()),
                ("known", &super::bundle::VERSION.to_string()),
            ],
        ),
        BundleError::Tampered => Msg::BundleTampered.text(lang).to_owned(),
        BundleError::OtherCohort(cohort) => fill(
            Msg::BundleOtherCohort.text(lang),
            &[("cohort", cohort.as_str())],
        ),
        BundleError::NotForYou(whom) => {
            let trainers = Msg::BundleTheTrainers.text(lang);
            let whom = whom.as_deref().unwrap_or(trainers);
            fill(Msg::BundleNotForYou.text(lang), &[("whom", whom)])
        }
    }
}
