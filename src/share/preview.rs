//! An import's plan in words, for `cercle import bundle --dry-run` and the app's preview.

use super::bundle::{Audience, BundleError};
use super::describe::{self, kind_msg};
use super::import::{Change, Effect, Plan};
use crate::domain::seal::SheetError;
use crate::domain::{Period, Status};
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
    out.extend(signing_lines(plan, lang));
    out
}

/// The keys and signed lines the bundle brought: each line recorded or refused with the reason,
/// and a new key's fingerprint, which the trainer confirms with its owner in person.
fn signing_lines(plan: &Plan, lang: Lang) -> Vec<String> {
    let signing = &plan.signing;
    let who = plan
        .data
        .person(&plan.bundle.trainee)
        .map_or_else(|| plan.bundle.trainee.to_string(), |p| p.name.clone());
    let mut out = Vec::new();
    for (msg, fingerprint) in [
        (Msg::BundleNewKey, &signing.new_key),
        (Msg::BundleKeyRefused, &signing.refused_key),
    ] {
        if let Some(fingerprint) = fingerprint {
            out.push(fill(
                msg.text(lang),
                &[("who", &who), ("fingerprint", fingerprint)],
            ));
        }
    }
    section(&mut out, Msg::BundleSignedLines, signing.lines.len(), lang);
    for line in &signing.lines {
        let when = line.when.map_or_else(
            || line.half_day.to_string(),
            |(date, period)| {
                let period = match period {
                    Period::Morning => Msg::PeriodMorning,
                    Period::Afternoon => Msg::PeriodAfternoon,
                };
                format!("{} {}", date.format("%d/%m/%Y"), period.text(lang))
            },
        );
        out.push(match &line.outcome {
            Ok(()) => format!(
                "  ✓ {}",
                fill(Msg::BundleLineRecorded.text(lang), &[("when", &when)])
            ),
            Err(error) => format!(
                "  × {}",
                fill(
                    Msg::BundleLineRefused.text(lang),
                    &[("when", &when), ("why", &refused_line(error, lang))],
                )
            ),
        });
    }
    out
}

/// Why a signed line was refused, in words.
pub fn refused_line(error: &SheetError, lang: Lang) -> String {
    let status = |(status, time): (Status, Option<chrono::NaiveTime>)| {
        let word = crate::i18n::words::attendance_msg(status).text(lang);
        time.map_or_else(
            || word.to_owned(),
            |t| format!("{word} {}", t.format("%H:%M")),
        )
    };
    let msg = match error {
        SheetError::Differs { signed, here } => {
            return fill(
                Msg::SignRefusedDiffers.text(lang),
                &[("signed", &status(*signed)), ("here", &status(*here))],
            );
        }
        SheetError::Forged => Msg::SignRefusedForged,
        SheetError::WrongKey(_) | SheetError::Sign(_) => Msg::SignRefusedKey,
        SheetError::Sealed => Msg::SignRefusedSealed,
        SheetError::Absent(_) => Msg::SignRefusedAbsent,
        SheetError::NotMarked(_) => Msg::SignRefusedNotMarked,
        SheetError::AlreadySigned(_) => Msg::SignRefusedAlready,
        _ => Msg::SignRefusedUnknown,
    };
    msg.text(lang).to_owned()
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
    if change.effect == Effect::OwnAnswer {
        line.push_str(": ");
        line.push_str(Msg::BundleOwnAnswer.text(lang));
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
