//! The README's table of keys is the key table of the code.

use cercle::app::keys;
use cercle::i18n::Lang;
use cercle::ui::help::context_title;

const START: &str = "<!-- keys:start -->";
const END: &str = "<!-- keys:end -->";

#[test]
fn readme_key_table_matches_the_code() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).expect("README.md");
    let expected = keys::markdown(Lang::En, |c| context_title(c, Lang::En));
    let (before, rest) = readme.split_once(START).expect("the keys start marker");
    let (current, after) = rest.split_once(END).expect("the keys end marker");
    if std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{before}{START}\n{}\n{END}{after}", expected.trim());
        std::fs::write(path, updated).expect("README.md written");
        return;
    }
    assert_eq!(
        current.trim(),
        expected.trim(),
        "the README's keys differ from the code; run `UPDATE_README=1 cargo test --test readme`"
    );
}
