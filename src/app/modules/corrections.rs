//! What the trainer records beside the signatures, each with a reason and never erased: a line
//! left unsigned ("signature manquante"), a code reset, and the withdrawal of a correction or of
//! a seal (undo never takes either back; withdrawing it is one more entry of the record).

use super::signing::{current_mut, finish, person};
use super::{ModulesForm, open_half_day};
use crate::app::form::{Field, FieldKind, Form};
use crate::app::undo::Recorded;
use crate::app::{App, Effect, Overlay, Purpose};
use crate::domain::seal::{self, SheetError};
use crate::domain::{HalfDayId, PersonId};
use crate::domain::{signing, withdrawal};
use crate::i18n::{Msg, fill};

/// Who records: the trainer the user said she is; never the planned trainer silently.
fn me(app: &mut App) -> Option<PersonId> {
    if let Some(trainee) = super::signing::trainee_self(app) {
        let text = fill(
            app.tr(Msg::OnlyTrainers),
            &[("name", &person(app, &trainee))],
        );
        app.notify_error(text);
        return None;
    }
    let me = app.config.me.clone();
    if me.is_none() {
        app.notify_error(app.tr(Msg::SealWhoAreYou));
    }
    me
}

fn reason_form(app: &mut App, purpose: ModulesForm) {
    let field = Field::new(Msg::FieldReason, FieldKind::Required, "");
    let form = Form::new(Purpose::Modules(purpose), vec![field]);
    app.overlay = Some(Overlay::Form(Box::new(form)));
}

/// Asks why the selected trainee's line stays unsigned (she forgot her code, say).
pub fn missing_form(app: &mut App, half_day: HalfDayId, trainee: PersonId) -> Vec<Effect> {
    if me(app).is_none() {
        return Vec::new();
    }
    let Some((_, sheet)) = open_half_day(app) else {
        return Vec::new();
    };
    let refusal = match sheet.mark_of(&trainee) {
        _ if sheet.signature.is_some() => Some(Msg::AlreadySigned),
        None => Some(Msg::MarkFirst),
        Some(m) if !m.status.attended() => Some(Msg::AbsentCannotSign),
        Some(m) if m.signed.is_some() => Some(Msg::LineAlreadySigned),
        Some(_) => None,
    };
    if let Some(msg) = refusal {
        app.notify_error(app.tr(msg));
        return Vec::new();
    }
    reason_form(app, ModulesForm::MissingSignature(half_day, trainee));
    Vec::new()
}

/// Asks why the selected trainee's code is reset.
pub fn reset_form(app: &mut App, trainee: PersonId) -> Vec<Effect> {
    if me(app).is_none() {
        return Vec::new();
    }
    let has_key = app
        .cohort()
        .is_some_and(|c| signing::active_key(&c.keys, &trainee).is_some());
    if !has_key {
        app.notify_error(app.tr(Msg::NoCodeYet));
        return Vec::new();
    }
    reason_form(app, ModulesForm::ResetCode(trainee));
    Vec::new()
}

/// Asks why the seal the sheet stands under is withdrawn, and the trainer's code to sign the
/// withdrawal. `u` right after a seal comes here too: undo never takes a seal back.
pub fn withdraw_seal_form(app: &mut App, half_day: &HalfDayId) -> Vec<Effect> {
    let Some(me) = me(app) else {
        return Vec::new();
    };
    let standing = app.cohort().is_some_and(|c| {
        c.seminars
            .iter()
            .flat_map(|s| &s.half_days)
            .find(|h| &h.id == half_day)
            .is_some_and(|h| h.standing_seal().is_some())
    });
    if !standing {
        app.notify_error(app.tr(Msg::NoSealToWithdraw));
        return Vec::new();
    }
    let reason = Field::new(Msg::FieldReason, FieldKind::Required, "");
    let purpose = Purpose::Modules(ModulesForm::WithdrawSeal(half_day.clone()));
    super::signing::open_code_form_after(app, purpose, &me, vec![reason]);
    Vec::new()
}

/// What `u` does when the last change was a record: it asks to withdraw it, with a reason.
pub fn withdraw_recorded(app: &mut App, recorded: &Recorded) -> Vec<Effect> {
    match recorded {
        Recorded::Seal(half_day) => withdraw_seal_form(app, half_day),
        Recorded::Correction(half_day, entry) => {
            if me(app).is_some() {
                reason_form(app, ModulesForm::Withdraw(half_day.clone(), *entry));
            }
            Vec::new()
        }
    }
}

/// A line of the corrections list chosen: a correction not withdrawn yet asks why it is
/// withdrawn; anything else closes the list.
pub fn correction_chosen(app: &mut App, index: usize) -> Vec<Effect> {
    let Some((_, sheet)) = open_half_day(app) else {
        return Vec::new();
    };
    let Ok(entry) = u32::try_from(index) else {
        return Vec::new();
    };
    let withdrawable = sheet.history.get(index).is_some_and(|c| {
        c.from.is_some()
            && c.withdraws.is_none()
            && !sheet.history.iter().any(|w| w.withdraws == Some(entry))
    });
    if withdrawable {
        let half_day = sheet.id.clone();
        reason_form(app, ModulesForm::Withdraw(half_day, entry));
    }
    Vec::new()
}

/// Records what a signing or reason form was for.
pub fn submit(app: &mut App, form: &Form<Purpose>) -> Vec<Effect> {
    match &form.purpose {
        Purpose::Modules(ModulesForm::SignLine(half_day, trainee)) => {
            return super::signing::submit_line(app, form, half_day, trainee);
        }
        Purpose::Modules(ModulesForm::Seal(half_day, sealer)) => {
            return super::signing::submit_seal(app, form, half_day, sealer);
        }
        Purpose::Modules(ModulesForm::WithdrawSeal(half_day)) => {
            return submit_withdraw_seal(app, form, half_day);
        }
        _ => {}
    }
    let Some(by) = me(app) else {
        return Vec::new();
    };
    let reason = form.value(Msg::FieldReason);
    let now = app.now;
    let (label, outcome) = match form.purpose.clone() {
        Purpose::Modules(ModulesForm::MissingSignature(half_day, trainee)) => {
            let label = fill(
                app.tr(Msg::MissingSignatureLabel),
                &[("name", &person(app, &trainee))],
            );
            let outcome = app.try_change(label.clone(), |data| {
                let sheet = half_day_mut(data, &half_day)?;
                seal::record_missing(sheet, &trainee, &by, now, &reason)
            });
            (label, outcome)
        }
        Purpose::Modules(ModulesForm::ResetCode(trainee)) => {
            let label = fill(
                app.tr(Msg::CodeResetLabel),
                &[("name", &person(app, &trainee))],
            );
            let outcome = app.try_change(label.clone(), |data| {
                let cohort = current_mut(data)?;
                signing::reset(&mut cohort.keys, &trainee, &by, now, &reason)
                    .map_err(SheetError::from)
            });
            (label, outcome)
        }
        Purpose::Modules(ModulesForm::Withdraw(half_day, entry)) => {
            let label = fill(
                app.tr(Msg::WithdrawnLabel),
                &[("n", &(entry + 1).to_string())],
            );
            let outcome = app.try_change(label.clone(), |data| {
                let sheet = half_day_mut(data, &half_day)?;
                seal::withdraw(sheet, entry, &by, now, &reason)
            });
            (label, outcome)
        }
        _ => return Vec::new(),
    };
    finish(app, outcome, label, None)
}

/// The reason and the trainer's code, typed: the seal is withdrawn, signed by her.
fn submit_withdraw_seal(app: &mut App, form: &Form<Purpose>, half_day: &HalfDayId) -> Vec<Effect> {
    let Some(by) = me(app) else {
        return Vec::new();
    };
    let reason = form.value(Msg::FieldReason);
    let typed = super::signing::typed(form);
    let label = fill(
        app.tr(Msg::SealWithdrawnLabel),
        &[("name", &person(app, &by))],
    );
    let now = app.now;
    let mut attempts = std::mem::take(&mut app.modules.attempts);
    let outcome = app.try_change(label.clone(), |data| {
        let cohort = current_mut(data)?;
        let key = super::signing::unlock(cohort, (half_day, &by), &typed, &mut attempts, now)?;
        withdrawal::withdraw_seal(cohort, half_day, &by, &key, now, &reason)
    });
    app.modules.attempts = attempts;
    finish(app, outcome, label, None)
}

fn half_day_mut<'a>(
    data: &'a mut crate::domain::Data,
    id: &HalfDayId,
) -> Result<&'a mut crate::domain::HalfDay, SheetError> {
    current_mut(data)?
        .seminars
        .iter_mut()
        .flat_map(|s| &mut s.half_days)
        .find(|h| &h.id == id)
        .ok_or_else(|| SheetError::UnknownHalfDay(id.clone()))
}

/// Lists the follow-ups logged for a trainee, oldest first: when, who, how, and what came of
/// it (a confidential outcome stays with whoever may read it: it is shown here, to trainers).
pub fn follow_ups_of(app: &mut App, trainee: &PersonId) {
    let channel = |c: crate::domain::cohort::Channel| {
        use crate::domain::cohort::Channel;
        let msg = match c {
            Channel::Phone => Msg::ChannelPhone,
            Channel::Email => Msg::ChannelEmail,
            Channel::InPerson => Msg::ChannelInPerson,
            Channel::Video => Msg::ChannelVideo,
        };
        app.tr(msg)
    };
    let mut logged: Vec<_> = app
        .cohort()
        .map(|c| {
            c.follow_ups
                .iter()
                .filter(|f| &f.trainee == trainee)
                .collect()
        })
        .unwrap_or_default();
    logged.sort_by_key(|f| f.at);
    let mut options: Vec<String> = logged
        .iter()
        .map(|f| {
            fill(
                app.tr(Msg::FollowUpLine),
                &[
                    (
                        "at",
                        &crate::domain::clock::local(f.at)
                            .format("%d/%m/%Y %H:%M")
                            .to_string(),
                    ),
                    ("by", &person(app, &f.by)),
                    ("channel", channel(f.channel)),
                    ("outcome", &f.outcome.text),
                ],
            )
        })
        .collect();
    if options.is_empty() {
        options.push(app.tr(Msg::NoFollowUpYet).to_owned());
    }
    app.overlay = Some(Overlay::Choice(crate::app::Choice {
        title: Msg::FollowUpsTitle,
        options,
        cursor: crate::app::list::Cursor::default(),
        purpose: crate::app::ChoicePurpose::FollowUps,
    }));
}
