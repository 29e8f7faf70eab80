//! `cercle export bundle` and `cercle import bundle`.

use super::exit::Failure;
use super::load::person;
use super::out;
use super::out::emit;
use crate::cli::BundleFor;
use crate::domain::{Cohort, Data, PersonId};
use crate::i18n::{Lang, Msg, fill};
use crate::share::bundle::{self, Bundle, Maker};
use crate::share::import::{Importer, plan};
use crate::share::preview;
use crate::share::received::{self, Side};
use crate::store::Store;
use std::path::{Path, PathBuf};

/// What `cercle export bundle` was asked for.
pub struct Request<'a> {
    /// For the trainees, or for the trainers.
    pub audience: BundleFor,
    /// One trainee, by id or name.
    pub trainee: Option<&'a str>,
    /// The trainer making the bundles, by id or name.
    pub by: Option<&'a str>,
    /// Who the user said they are: the trainee making a bundle when `trainee` is not given.
    pub me: Option<&'a PersonId>,
    /// The role the user said they have here: a trainee's copy makes no trainers' bundles.
    pub role: Option<crate::config::Role>,
    /// A file, `-`, or a directory.
    pub output: Option<PathBuf>,
}

/// Letters, digits and `-` only, for file names made of names; at most [`SLUG_LIMIT`]
/// characters, as a file name has a limit (255 bytes) and a name has none.
pub(super) fn slug(text: &str) -> String {
    let slug = crate::domain::fold::slug(text);
    slug[..slug.len().min(SLUG_LIMIT)]
        .trim_end_matches('-')
        .to_owned()
}

/// The longest part of a bundle's file name made from one name (the slug is ASCII).
const SLUG_LIMIT: usize = 60;

/// Writes the bundles asked for, each 0600.
pub fn export(
    dir: &Path,
    data: &Data,
    cohort: &Cohort,
    request: &Request<'_>,
    lang: Lang,
) -> Result<(), Failure> {
    let now = crate::domain::clock::now();
    let trainee = request.trainee.map(|q| person(data, q, lang)).transpose()?;
    if let Some(t) = trainee
        && !cohort.trainees.contains(&t.id)
    {
        return Err(format!("{} is not a trainee of {}", t.name, cohort.name).into());
    }
    match request.audience {
        BundleFor::Trainer => {
            let trainee = trainee
                .or_else(|| {
                    let me = data.person(request.me?)?;
                    cohort.trainees.contains(&me.id).then_some(me)
                })
                .ok_or("say which trainee makes the bundle: --trainee NAME")?;
            let base = received::last(dir, &cohort.id, Side::Trainers);
            let made = bundle::for_trainers(data, cohort, &trainee.id, now, &base);
            let name = format!(
                "{}--{}--for-trainers.cercle-bundle.json",
                slug(&cohort.name),
                slug(&trainee.name)
            );
            // A directory given takes the bundle under its usual name, as for the trainers.
            let path = match request.output.clone() {
                Some(dir) if dir.is_dir() => dir.join(name),
                Some(file) => file,
                None => PathBuf::from(".").join(name),
            };
            emit(dir, Some(path), &made.to_json(), lang)
        }
        BundleFor::Trainees => {
            // A trainee's copy holds her part only: bundles made from it would give the others
            // a partial cohort in a trainer's name.
            let enrolled = request.me.filter(|me| cohort.is_enrolled(me));
            if request.role == Some(crate::config::Role::Trainee)
                || enrolled.is_some_and(|me| !crate::share::import::trainers_copy(cohort, me))
            {
                return Err(Msg::TraineeMakesNoTrainersBundles.text(lang).into());
            }
            // The author is who makes them: the user when they are a trainer of the cohort.
            let maker_me = request
                .me
                .filter(|me| cohort.trainers.contains(me))
                .and_then(|me| data.person(me));
            let maker = match (request.by, maker_me) {
                (Some(q), _) => person(data, q, lang)?,
                (None, Some(me)) => me,
                (None, None) => cohort
                    .trainers
                    .iter()
                    .find_map(|id| data.person(id))
                    .ok_or("the cohort has no trainer; say who makes the bundles: --by NAME")?,
            };
            let maker = Maker {
                id: maker.id.clone(),
                name: maker.name.clone(),
            };
            let trainees: Vec<&PersonId> = match trainee {
                Some(t) => vec![&t.id],
                None => cohort.active_trainees().collect(),
            };
            let single_file = trainee.is_some()
                && request
                    .output
                    .as_ref()
                    .is_some_and(|p| p.as_os_str() == "-" || !p.is_dir());
            for id in trainees {
                let base = received::last(dir, &cohort.id, Side::Trainee(id));
                let made = bundle::for_trainee(data, cohort, id, maker.clone(), now, &base);
                let name = data
                    .person(id)
                    .map_or_else(|| id.to_string(), |p| p.name.clone());
                if single_file {
                    return emit(dir, request.output.clone(), &made.to_json(), lang);
                }
                let folder = request.output.clone().unwrap_or_else(|| PathBuf::from("."));
                let path = folder.join(format!(
                    "{}--{}.cercle-bundle.json",
                    slug(&cohort.name),
                    slug(&name)
                ));
                super::out::check_output(dir, &path, lang)?;
                crate::store::write_private(&path, &made.to_json())
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                out::line(
                    &fill(
                        Msg::BundleWritten.text(lang),
                        &[("path", &path.display().to_string()), ("whom", &name)],
                    ),
                    lang,
                )?;
            }
            Ok(())
        }
    }
}

/// Imports a bundle: prints the preview, then (unless `dry_run`) saves the merge as one step.
/// Returns the trainee the bundle was made for when it is the first a trainee imports without
/// having said who she is: the bundle says it, as in the app.
pub fn import(
    dir: &Path,
    file: &Path,
    how: How,
    me: Option<&str>,
    lang: Lang,
) -> Result<Option<PersonId>, Failure> {
    let How {
        dry_run,
        json,
        trainer,
    } = how;
    let bytes = std::fs::read(file).map_err(|e| crate::i18n::cannot_read(file, &e, lang))?;
    let bundle = Bundle::parse(&bytes).map_err(|e| preview::refusal(&e, lang))?;
    let failed = |e: crate::store::StoreError| Failure::new(Failure::code_of(&e), e.in_lang(lang));
    let mut store = if dry_run {
        Store::open_read_only(dir)
    } else {
        Store::open(dir)
    }
    .map_err(failed)?;
    let data = store.load().map_err(failed)?;
    let me: Option<PersonId> = match (me, &data) {
        (Some(q), Some(data)) => Some(person(data, q, lang)?.id.clone()),
        (Some(q), None) => Some(PersonId::new(q)),
        (None, _) => None,
    };
    let ours = me
        .as_ref()
        .and_then(|id| data.as_ref()?.person(id))
        .map_or_else(String::new, |p| p.name.clone());
    let from = Side::maker(&bundle);
    let cohort = bundle.cohort.clone();
    let stored = received::load(dir, &cohort, from, &bundle.hash);
    let importer = Importer {
        me: me.as_ref(),
        trainer,
        ours,
        now: crate::domain::clock::now(),
    };
    let plan =
        plan(data.as_ref(), bundle, &stored, &importer).map_err(|e| preview::refusal(&e, lang))?;
    if !json {
        for line in preview::lines(&plan, lang) {
            out::line(&line, lang)?;
        }
    }
    if dry_run {
        if json {
            out::json(&plan_json(&plan, false), lang)?;
        } else {
            out::line(Msg::BundleDryRun.text(lang), lang)?;
        }
        return Ok(None);
    }
    if !plan.is_empty() {
        store
            .save(&plan.data)
            .map_err(|e| super::load::not_saved(&e, lang))?;
    }
    let kept = received::to_keep(&plan.bundle.hash, &plan.received, &stored);
    received::keep(
        &received::path_for(dir, &cohort, Side::maker(&plan.bundle)),
        &kept,
    )
    .map_err(|e| format!("the import is saved, but keeping a copy of the bundle failed: {e}"))?;
    if json {
        out::json(&plan_json(&plan, true), lang)?;
    } else {
        out::line(&preview::summary(&plan, lang), lang)?;
    }
    let first_of_mine = plan.bundle.audience == bundle::Audience::Trainee && me.is_none();
    Ok(first_of_mine.then(|| plan.bundle.trainee.clone()))
}

/// How an import runs: only a preview, for a script, as a trainer.
#[derive(Debug, Clone, Copy)]
pub struct How {
    /// Print what would happen, and write nothing.
    pub dry_run: bool,
    /// Print JSON instead of sentences.
    pub json: bool,
    /// The user is a trainer.
    pub trainer: bool,
}

/// An import's plan for a script: the bundle, each change, conflict and record it may not
/// change, and whether the result was saved.
fn plan_json(plan: &crate::share::import::Plan, saved: bool) -> serde_json::Value {
    use crate::share::import::{Change, Effect};
    let change = |c: &Change| {
        let (effect, fields) = match &c.effect {
            Effect::Added => ("added", Vec::new()),
            Effect::Changed(fields) => ("changed", fields.clone()),
            Effect::Removed => ("removed", Vec::new()),
            Effect::OwnAnswer => ("own_answer_refused", vec!["answer".to_owned()]),
        };
        serde_json::json!({
            "kind": c.kind.name(),
            "title": c.title,
            "effect": effect,
            "fields": fields,
        })
    };
    serde_json::json!({
        "cohort": plan.bundle.cohort,
        "trainee": plan.bundle.trainee,
        "made_by": plan.bundle.made_by.id,
        "changes": plan.changes.iter().map(change).collect::<Vec<_>>(),
        "conflicts": plan.conflicts.iter().map(|c| c.path.to_string()).collect::<Vec<_>>(),
        "ignored": plan.ignored.iter().map(change).collect::<Vec<_>>(),
        "new_key": plan.signing.new_key,
        "refused_key": plan.signing.refused_key,
        "signatures": plan.signing.lines.iter().map(|line| serde_json::json!({
            "half_day": line.half_day,
            "recorded": line.outcome.is_ok(),
            "why": line.outcome.as_ref().err().map(|e| crate::share::preview::refused_line(e, crate::i18n::Lang::En)),
        })).collect::<Vec<_>>(),
        "saved": saved && !plan.is_empty(),
    })
}

/// Keeps in the data directory who this trainee is, learnt from her first bundle, so that her
/// next `export bundle --for trainer` and the app know her. The import is saved already: a
/// failure here is only said.
pub fn remember_me(
    trainee: Option<PersonId>,
    config: &crate::config::Config,
    dir: &Path,
    lang: Lang,
) {
    let Some(trainee) = trainee else {
        return;
    };
    let settings = crate::config::Config {
        me: Some(trainee),
        role: Some(crate::config::Role::Trainee),
        ..config.clone()
    };
    if let Err(e) = crate::config::save_identity(dir, &settings) {
        let path = dir.join(crate::config::IDENTITY_FILE);
        out::error(&format!("{}: {e}", path.display()), lang);
    }
}
