//! Structure rules of the repository, checked on every test run: the browser crates stay in the
//! web layer, every network is complete (site spec, fixture page, manifest host), no built output
//! is tracked, and no dynamic HTML or `eval` creeps into the extension.

use porte_voix::sites::SITES;
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn browser_crates_appear_only_in_the_web_layer() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    assert!(files.len() > 5, "src/ was not found");
    let web = root().join("src/web");
    let mut offenders = Vec::new();
    for file in files {
        if file.starts_with(&web) || file == root().join("src/web.rs") {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap();
        // code only: documentation may name the layer's crates
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for word in ["wasm_bindgen", "web_sys", "js_sys", "gloo"] {
            if code.contains(word) {
                offenders.push(format!("{} uses {word}", file.display()));
            }
        }
    }
    assert!(offenders.is_empty(), "{offenders:#?}");
}

#[test]
fn every_site_has_a_spec_file_a_fixture_page_and_manifest_hosts() {
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(root().join("manifest.json")).unwrap()).unwrap();
    let matches: Vec<String> = manifest["content_scripts"][0]["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let mut hosts_in_sites = Vec::new();
    for site in SITES {
        let spec = root().join(format!("src/sites/{}.rs", site.id));
        assert!(
            spec.is_file(),
            "{} has no src/sites/{}.rs",
            site.name,
            site.id
        );
        let page = root().join(format!("tests/fixtures/sites/{}/index.html", site.id));
        assert!(
            page.is_file(),
            "{} has no fixture page {}",
            site.name,
            page.display()
        );
        for host in site.hosts {
            let pattern = format!("https://*.{host}/*");
            assert!(matches.contains(&pattern), "manifest lacks {pattern}");
            hosts_in_sites.push(pattern);
        }
    }
    // and the manifest asks for nothing beyond the sites we serve
    for m in &matches {
        assert!(
            hosts_in_sites.contains(m),
            "manifest matches {m}, which no site serves"
        );
    }
    // one spec file per registered site, no orphan
    let specs = fs::read_dir(root().join("src/sites")).unwrap().count();
    assert_eq!(
        specs,
        SITES.len(),
        "src/sites/ has a file that is not in the registry"
    );
}

#[test]
fn no_built_output_is_tracked() {
    let out = std::process::Command::new("git")
        .args(["ls-files"])
        .current_dir(root())
        .output();
    let Ok(out) = out else {
        return; // not a git checkout (e.g. an unpacked source archive): nothing is tracked
    };
    let listing = String::from_utf8_lossy(&out.stdout);
    let bad: Vec<&str> = listing
        .lines()
        .filter(|l| {
            ["dist/", "build/", "target/", "node_modules/", "pkg/"]
                .iter()
                .any(|p| l.starts_with(p))
                || l.ends_with(".wasm")
                || l.ends_with(".zip")
        })
        .collect();
    assert!(bad.is_empty(), "built output is tracked: {bad:?}");
}

#[test]
fn extension_sources_use_no_dynamic_html_or_eval() {
    let mut offenders = Vec::new();
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    for entry in fs::read_dir(root().join("extension")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "js" || e == "html") {
            files.push(p);
        }
    }
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for bad in [
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "set_inner_html",
            "eval(",
            "new Function",
        ] {
            if text.contains(bad) {
                offenders.push(format!("{}: {bad}", file.display()));
            }
        }
    }
    assert!(offenders.is_empty(), "{offenders:#?}");
}

#[test]
fn every_locale_has_the_same_keys_and_french_is_default() {
    let read = |lang: &str| -> serde_json::Map<String, serde_json::Value> {
        let p = root().join(format!("extension/_locales/{lang}/messages.json"));
        serde_json::from_str(&fs::read_to_string(p).unwrap()).unwrap()
    };
    let fr = read("fr");
    let en = read("en");
    let mut a: Vec<_> = fr.keys().collect();
    let mut b: Vec<_> = en.keys().collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
    // every message key the Rust code and the extension's JS ask for exists
    let mut used = Vec::new();
    let mut files = Vec::new();
    rust_files(&root().join("src/web"), &mut files);
    for f in files.iter().chain(
        [
            root().join("extension/content.js"),
            root().join("extension/pages.js"),
            root().join("extension/background.js"),
        ]
        .iter(),
    ) {
        let text = fs::read_to_string(f).unwrap();
        for quoted in text
            .split('"')
            .skip(1)
            .step_by(2)
            .chain(text.split('\'').skip(1).step_by(2))
        {
            let is_key = quoted.len() > 3
                && quoted.contains('_')
                && quoted
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
                && [
                    "popup_",
                    "options_",
                    "badge_",
                    "error_",
                    "unit_",
                    "settings_",
                    "instance_",
                    "ext_",
                    "backlog_",
                    "capture_",
                ]
                .iter()
                .any(|p| quoted.starts_with(p));
            if is_key {
                used.push(quoted.to_string());
            }
        }
    }
    assert!(used.len() > 10, "found too few message keys: {used:?}");
    for key in used {
        assert!(
            fr.contains_key(&key),
            "message {key} is missing from _locales"
        );
    }
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(root().join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["default_locale"], "fr");
}

/// The stems of the `.rs` files directly in `dir`.
fn stems(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

#[test]
fn every_in_page_feature_file_is_in_the_registry_and_every_entry_has_its_file() {
    let dir = root().join("src/web/content/features");
    let files = stems(&dir);
    assert!(files.len() >= 3, "features not found in {}", dir.display());
    let registry = fs::read_to_string(root().join("src/web/content/features.rs")).unwrap();
    for f in &files {
        assert!(
            registry.contains(&format!("mod {f};")),
            "src/web/content/features/{f}.rs is not declared in features.rs"
        );
        assert!(
            registry.contains(&format!("name: \"{f}\"")),
            "src/web/content/features/{f}.rs has no entry in FEATURES"
        );
    }
    let names: Vec<&str> = registry
        .split("name: \"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    for n in names {
        assert!(
            files.iter().any(|f| f == n),
            "FEATURES names {n}, which has no file src/web/content/features/{n}.rs"
        );
    }
}

#[test]
fn every_editor_technology_has_a_fixture_page_driven_by_its_library_and_an_e2e_case() {
    let dir = root().join("src/web/editors");
    let editors_rs = fs::read_to_string(root().join("src/web/editors.rs")).unwrap();
    let e2e = fs::read_to_string(root().join("tests/e2e/editors.test.mjs")).unwrap();
    let mut technologies = 0;
    for stem in stems(&dir) {
        let source = fs::read_to_string(dir.join(format!("{stem}.rs"))).unwrap();
        if !source.contains("impl Editor for") {
            continue; // a shared helper, not a technology
        }
        technologies += 1;
        assert!(
            editors_rs.contains(&format!("pub mod {stem};")),
            "editors.rs does not declare {stem}"
        );
        let page = root().join(format!("tests/fixtures/sites/mastodon/editors/{stem}.html"));
        let html = fs::read_to_string(&page)
            .unwrap_or_else(|_| panic!("{stem} has no fixture page {}", page.display()));
        // the page loads a bundled entry of tests/fixtures/editors/ that imports a real library
        let entries: Vec<&str> = html
            .split("src=\"/_assets/")
            .skip(1)
            .filter_map(|s| s.split(".js\"").next())
            .collect();
        let drives_a_library = entries.iter().any(|entry| {
            ["js", "jsx"].iter().any(|ext| {
                let f = root().join(format!("tests/fixtures/editors/{entry}.{ext}"));
                fs::read_to_string(f).is_ok_and(|src| {
                    // a bare contenteditable is the browser's own editing: no library to load
                    stem == "contenteditable"
                        || src.lines().any(|l| {
                            l.starts_with("import ")
                                && l.contains(" from '")
                                && !l.contains(" from './")
                        })
                })
            })
        });
        assert!(
            drives_a_library,
            "{} loads no editor entry of tests/fixtures/editors/ ({entries:?})",
            page.display()
        );
        assert!(
            e2e.contains(&format!("tech: '{stem}'")),
            "tests/e2e/editors.test.mjs has no case for {stem}"
        );
    }
    assert!(
        technologies >= 6,
        "found {technologies} editor technologies"
    );
}

#[test]
fn the_content_script_files_stay_small() {
    // and the picker's
    let mut files = Vec::new();
    for dir in [
        "src/web/content",
        "src/web/editors",
        "src/web/dom",
        "src/web/picker",
    ] {
        rust_files(&root().join(dir), &mut files);
    }
    for f in [
        "src/web/content.rs",
        "src/web/editors.rs",
        "src/web/dom.rs",
        "src/web/picker.rs",
    ] {
        files.push(root().join(f));
    }
    for f in files {
        let lines = fs::read_to_string(&f).unwrap().lines().count();
        assert!(
            lines <= 450,
            "{} has {lines} lines (split it by concern)",
            f.display()
        );
    }
}

/// The string literals returned by every `fn code(` body in `src/` (the `Coded` implementations),
/// with the file each comes from. A code is `area.snake_case`: `^[a-z]+\.[a-z][a-z0-9_]*$` (a
/// digit inside the name, as in `not_utf8`). Bodies are found by matching braces, outside strings and
/// comments.
fn error_codes() -> Vec<(String, PathBuf)> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut codes = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        let mut rest = text.as_str();
        while let Some(at) = rest.find("fn code(") {
            let after = &rest[at..];
            let open = after.find('{').expect("a fn code( without a body");
            // a declaration without a body (the trait's own): nothing returned there
            if after.find(';').is_some_and(|semi| semi < open) {
                rest = &after["fn code(".len()..];
                continue;
            }
            let body = &after[open..];
            let (mut depth, mut end, mut chars) =
                (0i32, body.len(), body.char_indices().peekable());
            let mut literals = Vec::new();
            while let Some((i, c)) = chars.next() {
                match c {
                    '/' if chars.peek().map(|p| p.1) == Some('/') => {
                        for (_, c) in chars.by_ref() {
                            if c == '\n' {
                                break;
                            }
                        }
                    }
                    '"' => {
                        let mut lit = String::new();
                        while let Some((_, c)) = chars.next() {
                            match c {
                                '\\' => {
                                    if let Some((_, n)) = chars.next() {
                                        lit.push(n);
                                    }
                                }
                                '"' => break,
                                c => lit.push(c),
                            }
                        }
                        literals.push(lit);
                    }
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            codes.extend(literals.into_iter().map(|l| (l, file.clone())));
            rest = &after[open + end..];
        }
    }
    codes
}

fn is_snake_code(code: &str) -> bool {
    let Some((area, name)) = code.split_once('.') else {
        return false;
    };
    !area.is_empty()
        && area.chars().all(|c| c.is_ascii_lowercase())
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[test]
fn every_error_code_is_area_snake_case_with_a_message_in_french_and_english() {
    use porte_voix::error::message_key;
    let codes = error_codes();
    // the scan finds the codes it must (the command line's, the core's, the browser layer's)
    for known in [
        "store.conflict",
        "protocol.forbidden",
        "instance.too_many",
        "settings.mastodon_limit",
        "platform.unknown",
        "cli.not_utf8",
        "jsonl.malformed",
        "web.browser",
    ] {
        assert!(
            codes.iter().any(|(c, _)| c == known),
            "{known} not found among {codes:?}"
        );
    }
    // the shape check rejects what it must
    for bad in [
        "cli.not-utf8",
        "Store.conflict",
        "store",
        "store.",
        ".x",
        "a.b.c",
        "a.9b",
        "a._b",
        "a1.b",
    ] {
        assert!(!is_snake_code(bad), "{bad}");
    }
    let read = |lang: &str| -> serde_json::Map<String, serde_json::Value> {
        let p = root().join(format!("extension/_locales/{lang}/messages.json"));
        serde_json::from_str(&fs::read_to_string(p).unwrap()).unwrap()
    };
    let (fr, en) = (read("fr"), read("en"));
    let mut problems = Vec::new();
    for (code, file) in &codes {
        if !is_snake_code(code) {
            problems.push(format!(
                "{}: `{code}` is not area.snake_case",
                file.display()
            ));
            continue;
        }
        let key = message_key(code);
        for (lang, messages) in [("fr", &fr), ("en", &en)] {
            let message = messages.get(&key).and_then(|m| m["message"].as_str());
            if message.is_none_or(|m| m.trim().is_empty()) {
                problems.push(format!("{code}: no {key} in _locales/{lang}"));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_js_loaders_use_the_core_protocol_version() {
    let want = porte_voix::protocol::PROTOCOL_VERSION;
    let mut seen = 0;
    for entry in fs::read_dir(root().join("extension")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "js") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        for (at, _) in text.match_indices("PROTOCOL_VERSION") {
            let rest = text[at + "PROTOCOL_VERSION".len()..].trim_start();
            // a definition: `PROTOCOL_VERSION = 1`
            let Some(value) = rest.strip_prefix('=') else {
                continue;
            };
            let digits: String = value
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            assert_eq!(
                digits.parse::<u32>().ok(),
                Some(want),
                "{} defines PROTOCOL_VERSION as {digits:?}; the core says {want}",
                path.display()
            );
            seen += 1;
        }
        // a literal envelope version written by hand must agree too
        for (at, _) in text.match_indices("protocol_version:") {
            let digits: String = text[at + "protocol_version:".len()..]
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if !digits.is_empty() {
                assert_eq!(digits.parse::<u32>().ok(), Some(want), "{}", path.display());
            }
        }
    }
    assert!(
        seen >= 1,
        "no JS loader defines PROTOCOL_VERSION: the check checks nothing"
    );
}

/// The `#[path = "…"]` module files a test binary's root declares, relative to `tests/`.
fn declared_paths(root_file: &Path) -> Vec<String> {
    fs::read_to_string(root_file)
        .unwrap()
        .lines()
        .filter_map(|l| l.trim().strip_prefix("#[path = \""))
        .filter_map(|s| s.split('"').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn integration_tests_are_a_few_binaries_each_declaring_its_area_files() {
    let tests = root().join("tests");
    // each file directly in tests/ is a test binary, which links the crate and its dependencies
    // once more: new tests go into an area's directory, declared by the area's file
    let binaries: Vec<PathBuf> = fs::read_dir(&tests)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "rs"))
        .collect();
    assert!(
        (4..=8).contains(&binaries.len()),
        "{} test binaries in tests/ (put new test files in tests/<area>/, declared by \
         tests/<area>.rs): {binaries:?}",
        binaries.len()
    );
    let mut declared = Vec::new();
    for b in &binaries {
        declared.extend(declared_paths(b));
    }
    // every Rust file under a directory of tests/ is a module some binary declares: a file no
    // binary declares would never be compiled, and its tests never run
    let mut files = Vec::new();
    for entry in fs::read_dir(&tests).unwrap() {
        let dir = entry.unwrap().path();
        if dir.is_dir() {
            rust_files(&dir, &mut files);
        }
    }
    let modules: Vec<&PathBuf> = files
        .iter()
        .filter(|f| {
            // JS fixtures' and oracles' directories hold no Rust; the e2e tree neither
            !f.starts_with(tests.join("fixtures")) && !f.starts_with(tests.join("conformance"))
        })
        .collect();
    assert!(
        modules.len() > 10,
        "too few test modules found: {modules:?}"
    );
    for f in modules {
        let rel = f
            .strip_prefix(&tests)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        assert!(
            declared.contains(&rel),
            "tests/{rel} is declared by no test binary (`#[path = \"{rel}\"] mod …;` in \
             tests/<area>.rs): its tests never run"
        );
        assert!(
            f.file_name().is_some_and(|n| n != "mod.rs"),
            "tests/{rel}: `foo.rs` + `foo/`, never `mod.rs`"
        );
    }
    for rel in &declared {
        assert!(
            tests.join(rel).is_file(),
            "tests/{rel} is declared but missing"
        );
    }
}

#[test]
fn every_proptest_regressions_file_sits_next_to_its_property_tests() {
    // proptest reads the failures it saved from `<source file>.proptest-regressions`, next to
    // the file whose `proptest!` found them: moved away from it, they are silently not replayed
    let mut found = 0;
    let mut stack = vec![root().join("tests"), root().join("src")];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "proptest-regressions") {
                found += 1;
                let source = p.with_extension("rs");
                let text = fs::read_to_string(&source).unwrap_or_default();
                assert!(
                    text.contains("proptest!"),
                    "{} has no property tests beside it ({} holds no `proptest!`)",
                    p.display(),
                    source.display()
                );
            }
        }
    }
    assert!(found >= 1, "no .proptest-regressions file found");
}
