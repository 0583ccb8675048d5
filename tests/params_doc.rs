//! `docs/model.md` lists the model's constants exactly as `ModelParams` declares them: the table
//! between its `params` markers is generated (`BLESS=1 cargo test --test params_doc` rewrites it).

use relsim::sim::params;

const BEGIN: &str = "<!-- params:begin (generated from src/sim/params.rs) -->\n";
const END: &str = "<!-- params:end -->";

#[test]
fn the_docs_table_of_constants_is_the_code_s() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/model.md");
    let doc = std::fs::read_to_string(path).unwrap();
    let table = params::markdown_table();
    let (start, end) = match (doc.find(BEGIN), doc.find(END)) {
        (Some(s), Some(e)) if s < e => (s + BEGIN.len(), e),
        _ => panic!("docs/model.md has no params markers"),
    };
    if std::env::var_os("BLESS").is_some() {
        let blessed = format!("{}{table}{}", &doc[..start], &doc[end..]);
        std::fs::write(path, blessed).unwrap();
        return;
    }
    assert_eq!(
        doc[start..end],
        table,
        "docs/model.md's constants differ from ModelParams: run BLESS=1 cargo test --test params_doc"
    );
    // Every constant is named in the table once.
    for s in params::SPECS {
        assert_eq!(
            doc[start..end]
                .matches(&format!(" | `{}` | ", s.name))
                .count(),
            1
        );
    }
}
