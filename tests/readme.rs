//! The README's "Use netspec in your crate" cannot rot: each of its Rust blocks is a part of
//! `examples/your_crate.rs`, which `cargo test` builds.

const README: &str = include_str!("../README.md");
const EXAMPLE: &str = include_str!("../examples/your_crate.rs");

/// The ```rust blocks between `## heading` and the next `## `.
fn rust_blocks(section: &str) -> Vec<String> {
    let start = README
        .find(&format!("## {section}\n"))
        .unwrap_or_else(|| panic!("README has no section {section}"));
    let body = &README[start + 3..];
    let body = &body[..body.find("\n## ").unwrap_or(body.len())];
    body.split("```rust\n")
        .skip(1)
        .map(|b| b[..b.find("```").expect("a closed block")].to_string())
        .collect()
}

#[test]
fn the_user_crate_section_shows_the_example_whole() {
    let blocks = rust_blocks("Use netspec in your crate");
    // The example's parts marked for the README, in order: together the whole program (only
    // the file's doc comment is left out).
    let marked: Vec<String> = EXAMPLE
        .split("// README: begin\n")
        .skip(1)
        .map(|p| p[..p.find("// README: end\n").expect("an end marker")].to_string())
        .collect();
    assert_eq!(marked.len(), 3);
    assert_eq!(blocks, marked, "README and examples/your_crate.rs differ");
}
