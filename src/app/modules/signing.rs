//! Signing in the roll call: each trainee signs her own line with her personal code (chosen at
//! her first signature and typed twice), and the trainer seals the sheet as the person she said
//! she is, never silently as the seminar's planned trainer. Neither can be undone: a signature
//! is a record its signer made, and the undo history stops there.

use super::{ModulesForm, open_half_day};
use crate::app::form::{Field, FieldKind, Form};
use crate::app::list::Cursor;
use crate::app::undo::Recorded;
use crate::app::{App, Choice, ChoicePurpose, Effect, Overlay, Purpose};
use crate::domain::seal::{self, SheetContext, SheetError};
use crate::domain::signing::{self, KdfParams, SignError};
use crate::domain::{Data, HalfDayId, PersonId, SealRole};
use crate::i18n::{Msg, fill};

/// Opens the form where the selected trainee types her code to sign her line.
pub fn line_form(app: &mut App, half_day: HalfDayId, trainee: &PersonId) -> Vec<Effect> {
    let line = open_half_day(app).and_then(|(_, h)| h.mark_of(trainee).cloned());
    let refusal = match &line {
        None => Some(Msg::MarkFirst),
        Some(m) if !m.status.attended() => Some(Msg::AbsentCannotSign),
        Some(m) if m.signed.is_some() => Some(Msg::LineAlreadySigned),
        _ => None,
    };
    if let Some(msg) = refusal {
        app.notify_error(app.tr(msg));
        return Vec::new();
    }
    let purpose = Purpose::Modules(ModulesForm::SignLine(half_day, trainee.clone()));
    open_code_form(app, purpose, trainee);
    Vec::new()
}

/// The user, when she said she is a trainee: in her own Cercle she signs her own line, and
/// seals nothing.
pub fn trainee_self(app: &App) -> Option<PersonId> {
    (app.config.role == Some(crate::config::Role::Trainee))
        .then(|| app.config.me.clone())
        .flatten()
}

/// Opens the form where the trainer types her code to seal the sheet; who seals is who the
/// user said she is, or, when she said nothing, the trainer she picks from the cohort's. A sheet
/// with trainees still unmarked is sealed only on a second `S`.
pub fn seal_form(app: &mut App, half_day: HalfDayId) -> Vec<Effect> {
    if trainee_self(app).is_some() {
        app.notify_error(app.tr(Msg::OnlyTrainersSeal));
        return Vec::new();
    }
    let (Some(cohort), Some((_, sheet))) = (app.cohort(), open_half_day(app)) else {
        return Vec::new();
    };
    if sheet.signature.is_some() {
        // Sealed: sealed again only to cover the corrections made since the last seal, or once
        // its seal was withdrawn.
        let covered = sheet.standing_seal().map(|s| s.history);
        if covered.is_some_and(|c| u32::try_from(sheet.history.len()).unwrap_or(u32::MAX) <= c) {
            app.notify_error(app.tr(Msg::SealAgainNothing));
            return Vec::new();
        }
        return ask_sealer(app, half_day);
    }
    let unmarked = seal::unmarked(cohort, sheet);
    if !unmarked.is_empty() && app.modules.confirm_unmarked.as_ref() != Some(&half_day) {
        let names: Vec<String> = unmarked
            .iter()
            .map(|t| {
                app.data
                    .person(t)
                    .map_or_else(|| t.to_string(), |p| p.name.clone())
            })
            .collect();
        let text = fill(
            app.tr(Msg::SealUnmarked),
            &[
                ("n", &names.len().to_string()),
                ("names", &names.join(", ")),
            ],
        );
        app.modules.confirm_unmarked = Some(half_day);
        app.notify_error(text);
        return Vec::new();
    }
    ask_sealer(app, half_day)
}

/// The code form for who I am; when that is not set, the list of the cohort's trainers first,
/// so that the seal never carries the planned trainer's name unless she is the one chosen.
fn ask_sealer(app: &mut App, half_day: HalfDayId) -> Vec<Effect> {
    if let Some(me) = app.config.me.clone() {
        open_code_form(
            app,
            Purpose::Modules(ModulesForm::Seal(half_day, me.clone())),
            &me,
        );
        return Vec::new();
    }
    let mut trainers: Vec<(String, PersonId)> = app
        .cohort()
        .map(|c| {
            c.trainers
                .iter()
                .map(|t| (person(app, t), t.clone()))
                .collect()
        })
        .unwrap_or_default();
    if trainers.is_empty() {
        app.notify_error(app.tr(Msg::SealNoTrainer));
        return Vec::new();
    }
    // By name, not with the planned trainer first: the list asks, it does not suggest.
    trainers.sort();
    let (options, ids) = trainers.into_iter().unzip();
    app.overlay = Some(Overlay::Choice(Choice {
        title: Msg::SealWhoTitle,
        options,
        cursor: Cursor::default(),
        purpose: ChoicePurpose::Sealer(half_day, ids),
    }));
    Vec::new()
}

/// The parts a trainer other than the planned one seals in, in the order of the role field.
const ROLES: [SealRole; 2] = [SealRole::CoTrainer, SealRole::Substitute];

/// The trainer who seals: her code form, after the part she plays when she is not the
/// seminar's planned trainer (co-trainer or substitute, recorded and signed with the seal).
pub fn sealer_chosen(app: &mut App, half_day: HalfDayId, sealer: Option<PersonId>) -> Vec<Effect> {
    let Some(sealer) = sealer else {
        return Vec::new();
    };
    let planned = open_half_day(app).map(|(seminar, _)| seminar.trainer.clone());
    let mut fields = Vec::new();
    if let Some(planned) = planned.filter(|p| p != &sealer) {
        let name = person(app, &planned);
        let options = ROLES
            .iter()
            .map(|r| crate::i18n::format::seal_role(*r, &name, app.lang()))
            .collect();
        fields.push(Field::options(Msg::FieldSealRole, options, 0));
    }
    let asks_role = !fields.is_empty();
    let purpose = Purpose::Modules(ModulesForm::Seal(half_day, sealer.clone()));
    open_code_form_after(app, purpose, &sealer, fields);
    // Her part is the first thing she answers, not a default she may miss.
    if let (true, Some(Overlay::Form(form))) = (asks_role, app.overlay.as_mut()) {
        form.focus_on(0);
    }
    Vec::new()
}

/// A code field, and a second one when the person has no key yet (her first signature).
fn open_code_form(app: &mut App, purpose: Purpose, person: &PersonId) {
    open_code_form_after(app, purpose, person, Vec::new());
}

/// The code fields after `fields` (a reason, say).
pub(super) fn open_code_form_after(
    app: &mut App,
    purpose: Purpose,
    person: &PersonId,
    mut fields: Vec<Field>,
) {
    let first = app
        .cohort()
        .is_none_or(|c| signing::active_key(&c.keys, person).is_none());
    fields.push(Field::new(Msg::FieldCode, FieldKind::Code, ""));
    if first {
        fields.push(Field::new(Msg::FieldCodeAgain, FieldKind::Code, ""));
    }
    app.overlay = Some(Overlay::Form(Box::new(Form::new(purpose, fields))));
}

/// The two typings of the code, the second only at a first signature.
pub(super) fn typed(form: &Form<Purpose>) -> (String, Option<String>) {
    let again = form
        .fields
        .iter()
        .any(|f| f.label == Msg::FieldCodeAgain)
        .then(|| form.value(Msg::FieldCodeAgain));
    (form.value(Msg::FieldCode), again)
}

/// A fresh salt for a first key: it only has to be her own, so that one guess never serves two.
fn fresh_salt() -> [u8; 16] {
    let mut salt = [0u8; 16];
    // Without the system's randomness the salt stays all zero: still a valid salt, only a
    // shared one, which costs guessing speed across people, not the signature's soundness.
    let _ = getrandom::fill(&mut salt);
    salt
}

/// The trainee's code, typed: signs her line.
pub fn submit_line(
    app: &mut App,
    form: &Form<Purpose>,
    half_day: &HalfDayId,
    trainee: &PersonId,
) -> Vec<Effect> {
    let (code, again) = typed(form);
    let name = person(app, trainee);
    let label = fill(app.tr(Msg::LineSignedLabel), &[("name", &name)]);
    let now = app.now;
    let mut attempts = std::mem::take(&mut app.modules.attempts);
    let outcome = app.try_change(label.clone(), |data| {
        let cohort = current_mut(data)?;
        let code = (code.as_str(), again.as_deref());
        seal::sign_own_line(
            cohort,
            half_day,
            trainee,
            code,
            &mut attempts,
            fresh_salt(),
            now,
        )
    });
    app.modules.attempts = attempts;
    finish(app, outcome, label, None)
}

/// The trainer's code, typed: seals the sheet as her (`me`: who I am, or who was chosen).
pub fn submit_seal(
    app: &mut App,
    form: &Form<Purpose>,
    half_day: &HalfDayId,
    me: &PersonId,
) -> Vec<Effect> {
    let Some(ctx) = open_half_day(app)
        .and_then(|(seminar, _)| Some(SheetContext::of(&app.data, app.cohort()?, seminar)))
    else {
        return Vec::new();
    };
    let typed = typed(form);
    let role = form
        .fields
        .iter()
        .any(|f| f.label == Msg::FieldSealRole)
        .then(|| ROLES[form.choice(Msg::FieldSealRole).min(ROLES.len() - 1)]);
    let label = fill(app.tr(Msg::SealedLabel), &[("name", &person(app, me))]);
    let now = app.now;
    let mut attempts = std::mem::take(&mut app.modules.attempts);
    let outcome = app.try_change(label.clone(), |data| {
        let cohort = current_mut(data)?;
        let key = unlock(cohort, (half_day, me), &typed, &mut attempts, now)?;
        seal::seal_in_role(&ctx, cohort, half_day, (me, role), &key, now, true)
    });
    app.modules.attempts = attempts;
    app.modules.confirm_unmarked = None;
    finish(app, outcome, label, Some(Recorded::Seal(half_day.clone())))
}

/// The trainer's key from her typed code: her first code registers it (typed twice), a known
/// one unlocks it, with the pause after too many wrong codes.
pub(super) fn unlock(
    cohort: &mut crate::domain::Cohort,
    (half_day, me): (&HalfDayId, &PersonId),
    (code, again): &(String, Option<String>),
    attempts: &mut signing::Attempts,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<ed25519_dalek::SigningKey, SheetError> {
    let key = match again {
        Some(again) => signing::register(
            &mut cohort.keys,
            me,
            code,
            again,
            fresh_salt(),
            KdfParams::DEFAULT,
            now,
        )?,
        None => attempts.unlock(&cohort.keys, (half_day, me), code, now)?,
    };
    Ok(key)
}

pub(super) fn current_mut(data: &mut Data) -> Result<&mut crate::domain::Cohort, SheetError> {
    let id = data.current().map(|c| c.id.clone());
    id.and_then(|id| data.cohort_mut(&id))
        .ok_or(SheetError::NothingToSeal)
}

pub(super) fn person(app: &App, id: &PersonId) -> String {
    app.data
        .person(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

/// After a signature the undo history stops: `u` never takes a signature or a seal back; after
/// a seal it asks to withdraw it (`recorded`).
pub(super) fn finish(
    app: &mut App,
    outcome: Result<Vec<Effect>, SheetError>,
    label: String,
    recorded: Option<Recorded>,
) -> Vec<Effect> {
    match outcome {
        Ok(effects) => {
            app.history.keep_signed(recorded);
            app.notify(label);
            effects
        }
        Err(error) => {
            let text = refusal(app, &error);
            app.notify_error(text);
            Vec::new()
        }
    }
}

/// Why a signature was refused, in words.
fn refusal(app: &App, error: &SheetError) -> String {
    let msg = match error {
        SheetError::Sign(SignError::Paused(until)) => {
            let time = crate::domain::clock::local(*until).format("%H:%M:%S");
            return fill(app.tr(Msg::CodePaused), &[("time", &time.to_string())]);
        }
        SheetError::Sign(SignError::CodeTooShort) => Msg::CodeTooShort,
        SheetError::Sign(SignError::CodesDiffer) => Msg::CodesDiffer,
        SheetError::Sign(SignError::ReasonNeeded) => Msg::ReasonNeeded,
        SheetError::Sign(_) | SheetError::WrongKey(_) | SheetError::Forged => Msg::CodeWrong,
        SheetError::Absent(_) => Msg::AbsentCannotSign,
        SheetError::AlreadySigned(_) => Msg::LineAlreadySigned,
        SheetError::Sealed => Msg::AlreadySigned,
        SheetError::NotMarked(_) => Msg::MarkFirst,
        SheetError::Unmarked(_)
        | SheetError::Differs { .. }
        | SheetError::NothingToSeal
        | SheetError::NotSealed
        | SheetError::UnknownHalfDay(_)
        | SheetError::NoSuchCorrection(_) => Msg::NothingToSign,
    };
    app.tr(msg).to_owned()
}

/// Lists the corrections of the open half-day: when, who, whose line, from → to with the
/// times, and why; a withdrawal says which correction it withdraws.
pub fn corrections(app: &mut App) -> Vec<Effect> {
    let Some((seminar, sheet)) = open_half_day(app) else {
        return Vec::new();
    };
    let line = |status, time: Option<chrono::NaiveTime>| {
        let time = time
            .map(|t| format!(" {}", t.format("%H:%M")))
            .unwrap_or_default();
        format!("{}{time}", app.tr(super::status_msg(status)))
    };
    let mut options: Vec<String> = sheet
        .history
        .iter()
        .enumerate()
        .map(|(n, c)| {
            let from = c
                .from
                .map_or_else(|| "·".to_owned(), |s| line(s, c.from_time));
            let withdraws = c.withdraws.map(|w| {
                fill(
                    app.tr(Msg::WithdrawsCorrection),
                    &[("n", &(w + 1).to_string())],
                )
            });
            fill(
                app.tr(Msg::CorrectionLine),
                &[
                    ("n", &(n + 1).to_string()),
                    ("at", &crate::i18n::format::on_day_at(c.at, app.lang())),
                    ("by", &person(app, &c.by)),
                    ("trainee", &person(app, &c.trainee)),
                    ("from", &from),
                    ("to", &line(c.to, c.to_time)),
                    ("reason", &c.reason),
                    (
                        "withdraws",
                        &withdraws.map(|w| format!(" ({w})")).unwrap_or_default(),
                    ),
                ],
            )
        })
        .collect();
    // Each seal: when, and who, with her part when she is not the planned trainer.
    let planned = person(app, &seminar.trainer);
    let sealed_by = |s: &crate::domain::attendance::Seal| {
        crate::i18n::format::sealer(&person(app, &s.by), s.role, &planned, app.lang())
    };
    for s in &sheet.seals {
        options.push(fill(
            app.tr(Msg::SealLine),
            &[
                ("at", &crate::i18n::format::on_day_at(s.at, app.lang())),
                ("sealer", &sealed_by(s)),
            ],
        ));
    }
    // A seal withdrawn: who, when and why, and which seal (sealed by whom, when).
    for withdrawal in &sheet.withdrawals {
        let sealed = sheet.seals.iter().find(|s| s.seq == withdrawal.seal);
        options.push(fill(
            app.tr(Msg::SealWithdrawalLine),
            &[
                (
                    "at",
                    &crate::i18n::format::on_day_at(withdrawal.at, app.lang()),
                ),
                ("by", &person(app, &withdrawal.by)),
                (
                    "sealed",
                    &sealed.map_or_else(String::new, |s| {
                        crate::i18n::format::on_day_at(s.at, app.lang())
                    }),
                ),
                ("sealer", &sealed.map_or_else(String::new, sealed_by)),
                ("reason", &withdrawal.reason),
            ],
        ));
    }
    // A code reset is a correction of the record too: who, when and why, with the sheet's.
    if let Some(cohort) = app.cohort() {
        for key in &cohort.keys {
            let Some(reset) = &key.reset else { continue };
            options.push(fill(
                app.tr(Msg::CodeResetLine),
                &[
                    ("at", &crate::i18n::format::on_day_at(reset.at, app.lang())),
                    ("by", &person(app, &reset.by)),
                    ("trainee", &person(app, &key.person)),
                    ("reason", &reset.reason),
                ],
            ));
        }
    }
    if options.is_empty() {
        options.push(app.tr(Msg::NoCorrections).to_owned());
    }
    app.overlay = Some(Overlay::Choice(Choice {
        title: Msg::CorrectionsTitle,
        options,
        cursor: Cursor::default(),
        purpose: ChoicePurpose::Corrections,
    }));
    Vec::new()
}

/// Takes what `verify` found in the current cohort's record after loading: the altered sheets
/// are kept for their views to warn, and the first one is named in the status line.
pub fn verified(app: &mut App, problems: Vec<crate::domain::audit::Problem>) {
    let altered: Vec<_> = problems
        .into_iter()
        .filter(|p| p.finding.is_alteration())
        .collect();
    app.modules.altered = altered;
    // A notice already up (the work recovered, a save refused) says something the user must
    // read first; the altered sheet stays warned about in its views.
    if app.notice.is_some() {
        return;
    }
    let Some(first) = app.modules.altered.first() else {
        return;
    };
    let seminar = app.cohort().and_then(|c| {
        let seminar = c.seminars.iter().find(|s| s.id == first.place.seminar)?;
        Some(SheetContext::of(&app.data, c, seminar).modules_label())
    });
    let period = match first.place.period {
        crate::domain::Period::Morning => Msg::PeriodMorning,
        crate::domain::Period::Afternoon => Msg::PeriodAfternoon,
    };
    let sheets = app
        .modules
        .altered
        .iter()
        .map(|p| &p.place.half_day)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let more = match sheets {
        0 | 1 => String::new(),
        n => fill(
            app.tr(Msg::RecordAlteredMore),
            &[("n", &(n - 1).to_string())],
        ),
    };
    let text = fill(
        app.tr(Msg::RecordAltered),
        &[
            ("seminar", &seminar.unwrap_or_default()),
            ("date", &first.place.date.format("%d/%m/%Y").to_string()),
            ("period", app.tr(period)),
            ("more", &more),
        ],
    );
    app.notify_error(text);
}

/// Whether `verify` found this half-day's record altered.
pub fn is_altered(app: &App, half_day: &HalfDayId) -> bool {
    app.modules
        .altered
        .iter()
        .any(|p| &p.place.half_day == half_day)
}
