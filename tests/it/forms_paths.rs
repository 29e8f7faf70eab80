//! Tab in a path field asks the event loop for its folder's entries, and the field takes the
//! completion; in any other field Tab still completes a name or moves on.

use crate::common::{press, sample_app};
use cercle::app::paths::{Entry, Listed};
use cercle::app::{Effect, Overlay};
use cercle::i18n::{Lang, Msg};
use std::path::PathBuf;

fn field_text(app: &cercle::app::App) -> String {
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("a form is open");
    };
    form.value(Msg::FieldFile)
}

#[test]
fn tab_in_a_path_field_reads_its_folder_and_completes() {
    let mut app = sample_app(Lang::Fr);
    press(&mut app, "B~/Tél");
    let effects = press(&mut app, "<Tab>");
    assert_eq!(
        effects,
        [Effect::ListFolder(
            "~/".into(),
            Listed::Completion("~/Tél".into())
        )]
    );
    let entries = vec![
        Entry {
            name: "Téléchargements".into(),
            folder: true,
        },
        Entry {
            name: "Bureau".into(),
            folder: true,
        },
    ];
    app.folder_listed(
        Listed::Completion("~/Tél".into()),
        PathBuf::new(),
        Ok(entries.clone()),
    );
    assert_eq!(field_text(&app), "~/Téléchargements/");

    // A listing that comes back after the text changed leaves the text alone.
    press(&mut app, "x");
    app.folder_listed(
        Listed::Completion("~/Tél".into()),
        PathBuf::new(),
        Ok(entries),
    );
    assert_eq!(field_text(&app), "~/Téléchargements/x");

    // An unreadable folder is said, in French, and the form stays open.
    app.folder_listed(
        Listed::Completion("/root/x".into()),
        PathBuf::from("/root"),
        Err("Permission non accordée".into()),
    );
    assert!(matches!(app.overlay, Some(Overlay::Form(_))));
    let notice = app.notice.as_ref().unwrap();
    assert!(notice.error);
    assert_eq!(
        notice.text,
        "Impossible de lire le dossier /root/\u{a0}: Permission non accordée"
    );
}

#[test]
fn tab_in_an_empty_path_field_or_another_field_reads_nothing() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "B");
    assert!(press(&mut app, "<Tab>").is_empty());
    press(&mut app, "<Esc>n");
    assert!(matches!(app.overlay, Some(Overlay::Form(_))));
    assert!(press(&mut app, "4.4<Tab>").is_empty());
}
