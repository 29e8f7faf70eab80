//! The jq scripts of `docs/data-format.md` run as written on a data directory of the split
//! layout, through the `whole` function the page gives, and say what they promise.

use crate::common::pty::cercle;
use std::process::Command;

/// The shell blocks of the page's "Scripting with jq" section, in order.
fn scripts() -> Vec<String> {
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/data-format.md"))
        .unwrap();
    let section = page
        .split("## Scripting with jq")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the page has its jq section");
    section
        .split("```sh\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap().to_owned())
        .collect()
}

#[test]
fn the_documented_jq_scripts_read_a_split_directory() {
    assert!(
        Command::new("jq").arg("--version").output().is_ok(),
        "jq is missing: install it (apt-get install jq) to run the tests"
    );
    let tmp = tempfile::tempdir().unwrap();
    assert!(cercle(tmp.path(), &["init", "--sample"]).status.success());
    assert!(cercle::store::is_split_dir(tmp.path()));
    let blocks = scripts();
    let (whole, rest) = blocks
        .split_first()
        .expect("the whole function comes first");
    assert!(whole.contains("whole()"), "{whole}");
    assert_eq!(rest.len(), 5, "one block per script");
    let outputs: Vec<String> = rest
        .iter()
        .map(|script| {
            let out = Command::new("bash")
                .arg("-c")
                .arg(format!("set -eo pipefail\n{whole}\n{script}"))
                .current_dir(tmp.path())
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "{script}\n{stderr}");
            String::from_utf8(out.stdout).unwrap()
        })
        .collect();
    // The trainees of the current cohort, their absences, their hours, the open requests.
    assert!(
        outputs[0].contains("Camille Dubois\t33\t"),
        "{}",
        outputs[0]
    );
    assert!(outputs[1].contains(" absent\t"), "{}", outputs[1]);
    assert!(
        outputs[2].lines().any(|l| l.ends_with(" h")),
        "{}",
        outputs[2]
    );
    assert!(outputs[4].contains("\topen\t"), "{}", outputs[4]);
}
