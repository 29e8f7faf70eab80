//! The Knowledge circle screen: the roster and its 8-12 rule, the drawn circle and the list,
//! offers and requests with suggested matches, exchanges, a trainee's path, the speaking round
//! and codevelopment.

mod common;

use cercle::i18n::Lang;
use common::{press, render, sample_app};

#[test]
fn scratch() {
    let mut app = sample_app(Lang::En);
    press(&mut app, "2");
    println!("{}", render(&app, 80, 24));
    println!("{}", render(&app, 120, 40));
    press(&mut app, "v");
    println!("{}", render(&app, 80, 24));
    press(&mut app, "vo");
    println!("{}", render(&app, 80, 24));
    press(&mut app, "<Esc>jp");
    println!("{}", render(&app, 80, 24));
    press(&mut app, "<Esc>s <Esc>");
    println!("{}", render(&app, 80, 24));
}
