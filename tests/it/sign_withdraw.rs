//! A seal is never erased: undoing it (`u` right after `S`, or `U` in the roll call) records its
//! withdrawal, with the trainer's reason, signed with her code. The sheet can then be corrected
//! and sealed again; the withdrawal shows in the history and the sheet's annex, and `verify`
//! checks it: a withdrawn seal is no alteration, a forged or removed withdrawal is one.

use crate::circle::notice;
use crate::common::{press, render};
use crate::modules::today_app;
use cercle::app::App;
use cercle::app::modules::open_half_day;
use cercle::domain::audit::{Finding, verify};
use cercle::domain::{Data, HalfDay, Status};
use cercle::i18n::Lang;
use std::sync::Arc;

fn sheet(app: &App) -> HalfDay {
    open_half_day(app).unwrap().1.clone()
}

/// Today's roll call, everyone present, sealed by Hélène (the trainer the user is).
fn sealed_today(lang: Lang) -> App {
    let mut app = today_app(false);
    app.config.lang = lang;
    app.config.me = Some(app.cohort().unwrap().trainers[0].clone());
    press(&mut app, "tPShelene2026<Enter>");
    assert_eq!(sheet(&app).seals.len(), 1, "{}", notice(&app));
    app
}

/// The open half-day of the current cohort, to alter as someone outside Cercle would.
fn open_sheet_mut(app: &mut App) -> &mut HalfDay {
    let id = sheet(app).id;
    let data = Arc::make_mut(&mut app.data);
    let cohort_id = data.current().unwrap().id.clone();
    let cohort = data.cohort_mut(&cohort_id).unwrap();
    cohort
        .seminars
        .iter_mut()
        .flat_map(|s| &mut s.half_days)
        .find(|h| h.id == id)
        .unwrap()
}

fn findings(data: &Data) -> Vec<Finding> {
    verify(data, data.current().unwrap())
        .into_iter()
        .map(|p| p.finding)
        .collect()
}

#[test]
fn undo_after_a_seal_records_its_withdrawal_then_the_sheet_is_corrected_and_sealed_again() {
    let mut app = sealed_today(Lang::En);
    // `u` does not take the seal back: it asks why it is withdrawn, and the trainer's code.
    press(&mut app, "u");
    assert!(app.overlay.is_some(), "{}", notice(&app));
    assert!(render(&app, 120, 40).contains("Withdraw the seal of"));
    // No reason, nothing withdrawn: the form stays, and is let go.
    press(&mut app, "<Tab>helene2026<Enter>");
    assert!(sheet(&app).withdrawals.is_empty());
    assert!(app.overlay.is_some());
    press(&mut app, "<Esc>y");
    assert!(app.overlay.is_none());
    // A wrong code, nothing withdrawn.
    press(&mut app, "usealed too early<Tab>wrong-code<Enter>");
    assert!(sheet(&app).withdrawals.is_empty(), "{}", notice(&app));
    assert!(notice(&app).contains("Wrong code"), "{}", notice(&app));
    press(&mut app, "usealed too early<Tab>helene2026<Enter>");
    let after = sheet(&app);
    assert_eq!(after.seals.len(), 1, "the seal itself stays");
    assert_eq!(after.withdrawals.len(), 1, "{}", notice(&app));
    let withdrawal = &after.withdrawals[0];
    assert_eq!(withdrawal.reason, "sealed too early");
    assert_eq!(withdrawal.seal, after.seals[0].seq);
    assert!(after.standing_seal().is_none());
    assert!(render(&app, 120, 40).contains("seal withdrawn by"));
    assert!(findings(&app.data).is_empty(), "{:?}", findings(&app.data));
    // Undo never takes the withdrawal back either, and nothing is left to withdraw.
    press(&mut app, "u");
    assert_eq!(sheet(&app).withdrawals.len(), 1);
    press(&mut app, "U");
    assert!(
        notice(&app).contains("nothing to withdraw"),
        "{}",
        notice(&app)
    );

    // Corrected with a reason, then sealed again: the new seal follows the withdrawal.
    press(&mut app, "<Home>aleft before the start<Enter>");
    let corrected = sheet(&app);
    assert_eq!(corrected.history.len(), 1);
    assert_eq!(corrected.marks[0].status, Status::Absent);
    press(&mut app, "Shelene2026<Enter>");
    let resealed = sheet(&app);
    assert_eq!(resealed.seals.len(), 2, "{}", notice(&app));
    assert_eq!(resealed.seals[1].seq, resealed.withdrawals[0].seq + 1);
    assert!(resealed.standing_seal().is_some());
    assert!(findings(&app.data).is_empty(), "{:?}", findings(&app.data));

    // The history lists the withdrawal beside the correction.
    press(&mut app, "H");
    let listed = render(&app, 120, 40);
    assert!(listed.contains("withdrawn · sealed too early"), "{listed}");
    assert!(
        listed.contains("present → absent · left before"),
        "{listed}"
    );
}

#[test]
fn a_sheet_sealed_once_may_be_sealed_again_after_a_withdrawal_without_a_correction() {
    let mut app = sealed_today(Lang::En);
    press(&mut app, "S");
    assert!(notice(&app).contains("nothing was corrected since"));
    press(&mut app, "Uwrong trainer<Tab>helene2026<Enter>");
    assert_eq!(sheet(&app).withdrawals.len(), 1, "{}", notice(&app));
    press(&mut app, "Shelene2026<Enter>");
    assert_eq!(sheet(&app).seals.len(), 2, "{}", notice(&app));
    assert!(findings(&app.data).is_empty());
}

#[test]
fn only_a_trainer_withdraws_a_seal() {
    let mut app = sealed_today(Lang::En);
    let trainee = app.cohort().unwrap().trainees[0].clone();
    app.config.role = Some(cercle::config::Role::Trainee);
    app.config.me = Some(trainee);
    press(&mut app, "U");
    assert!(app.overlay.is_none());
    assert!(sheet(&app).withdrawals.is_empty());
}

#[test]
fn verify_catches_a_forged_a_moved_and_a_removed_withdrawal_but_not_the_withdrawn_seal() {
    let mut app = sealed_today(Lang::En);
    press(&mut app, "usealed too early<Tab>helene2026<Enter>");
    press(
        &mut app,
        "<Home>aleft before the start<Enter>Shelene2026<Enter>",
    );
    assert_eq!(sheet(&app).seals.len(), 2);
    assert!(findings(&app.data).is_empty());
    let date = sheet(&app).date;

    // Its reason rewritten.
    let mut forged = app.clone();
    open_sheet_mut(&mut forged).withdrawals[0].reason = "another reason".into();
    assert!(
        findings(&forged.data)
            .iter()
            .any(|f| matches!(f, Finding::WithdrawalForged(_))),
        "{:?}",
        findings(&forged.data)
    );
    // Made to name the other seal.
    let mut moved = app.clone();
    open_sheet_mut(&mut moved).withdrawals[0].seal += 1;
    assert!(!findings(&moved.data).is_empty());
    // Naming a seal the sheet does not have.
    let mut orphan = app.clone();
    open_sheet_mut(&mut orphan).withdrawals[0].seal = 999;
    assert!(
        findings(&orphan.data).contains(&Finding::WithdrawalOrphan(999)),
        "{:?}",
        findings(&orphan.data)
    );
    // Removed: the chain has a hole where it was, named with the date.
    let mut removed = app.clone();
    open_sheet_mut(&mut removed).withdrawals.clear();
    let problems = verify(&removed.data, removed.data.current().unwrap());
    assert!(
        problems
            .iter()
            .any(|p| matches!(p.finding, Finding::SealsMissing { .. }) && p.place.date == date),
        "{problems:?}"
    );
    // A withdrawal slipped in by hand, with a key that is someone else's.
    let mut slipped = app.clone();
    let trainer = sheet(&slipped).seals[0].by.clone();
    let cohort = slipped.cohort().unwrap();
    let other = cohort.keys.iter().find(|k| k.person != trainer).unwrap();
    let other = other.public.clone();
    let sheet = open_sheet_mut(&mut slipped);
    let mut fake = sheet.withdrawals[0].clone();
    fake.seal = sheet.seals[1].seq;
    fake.seq += 2;
    fake.key = other;
    sheet.withdrawals.push(fake);
    assert!(
        findings(&slipped.data)
            .iter()
            .any(|f| matches!(f, Finding::WithdrawalKeyUnknown(_))),
        "{:?}",
        findings(&slipped.data)
    );
}

#[test]
fn the_withdrawal_is_in_the_annex_of_the_sheet() {
    let mut app = sealed_today(Lang::Fr);
    press(&mut app, "uscellé trop tôt<Tab>helene2026<Enter>");
    let seminar = open_half_day(&app).unwrap().0.id.clone();
    let cohort = app.data.current().unwrap();
    let html = cercle::export::html::sheet::html(&app.data, cohort, Some(&seminar));
    let page = scraper::Html::parse_document(&html);
    let rows = scraper::Selector::parse("table tr").unwrap();
    let annex: Vec<String> = page
        .select(&rows)
        .map(|r| r.text().collect::<Vec<_>>().join("|"))
        .filter(|r| r.contains("scellé trop tôt"))
        .collect();
    assert_eq!(annex.len(), 1, "{html}");
    assert!(annex[0].contains("|scellé retiré|"), "{}", annex[0]);
    assert!(annex[0].contains("Hélène Marchetti"), "{}", annex[0]);
    // The trainer's cell says the seal was withdrawn, not that the sheet stands sealed.
    assert!(html.contains("scellé retiré le"), "{html}");
}

#[test]
fn withdrawing_a_seal_in_both_languages() {
    for (lang, code) in [(Lang::En, "en"), (Lang::Fr, "fr")] {
        let mut app = sealed_today(lang);
        press(&mut app, "usealed too early<Tab>helene");
        let form = render(&app, 80, 24);
        assert!(!form.contains("helene"), "the code is hidden as typed");
        insta::assert_snapshot!(format!("sign_withdraw_seal_form_{code}"), form);
        press(&mut app, "2026<Enter>");
        assert_eq!(sheet(&app).withdrawals.len(), 1, "{}", notice(&app));
        insta::assert_snapshot!(
            format!("sign_withdrawn_seal_roll_call_{code}"),
            render(&app, 120, 40)
        );
        press(&mut app, "H");
        insta::assert_snapshot!(
            format!("sign_withdrawn_seal_history_{code}"),
            render(&app, 120, 40)
        );
    }
}
