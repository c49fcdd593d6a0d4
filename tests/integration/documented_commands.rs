//! The commands the documentation shows still run: every `facepoints <command> --flag …` in
//! README.md, docs/ and the model card names a command and flags the binary has (its `--help`
//! lists them), and every script, browser bench and cargo bench it names exists.

use std::path::{Path, PathBuf};

use crate::common::{self, facepoints, text};

/// The Markdown files whose commands are checked.
fn documents() -> Vec<PathBuf> {
    let repo = common::repo();
    let mut files = vec![
        repo.join("README.md"),
        repo.join("www/models/MODEL_CARD.md"),
    ];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(repo.join("docs"))
        .expect("docs/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

/// Each command line of the file's code blocks (continuation lines joined), with its line
/// number.
fn command_lines(markdown: &str) -> Vec<(usize, String)> {
    let mut lines = Vec::new();
    let mut in_code = false;
    let mut pending: Option<(usize, String)> = None;
    for (i, line) in markdown.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if !in_code {
            continue;
        }
        let (start, mut joined) = pending.take().unwrap_or_else(|| (i + 1, String::new()));
        let code = line.split(" # ").next().unwrap_or(line).trim_end();
        if let Some(head) = code.strip_suffix('\\') {
            joined.push_str(head);
            joined.push(' ');
            pending = Some((start, joined));
        } else {
            joined.push_str(code);
            lines.push((start, joined));
        }
    }
    lines
}

/// The `facepoints` command (with its subcommand, as in `runs merge`) and its `--flags` in a
/// line, if it runs the binary.
fn facepoints_call(line: &str) -> Option<(Vec<String>, Vec<String>)> {
    // `facepoints <command>` (after any `NAME=value` settings) or `cargo run --bin
    // facepoints -- <command>`.
    let words: Vec<&str> = line.split_whitespace().collect();
    let start = words.iter().position(|w| !w.contains('='))?;
    let rest = match &words[start..] {
        ["facepoints", rest @ ..] => rest,
        ["cargo", "run", ..] => {
            let at = words
                .windows(3)
                .position(|w| w == ["--bin", "facepoints", "--"])?;
            &words[at + 3..]
        }
        _ => return None,
    };
    let word =
        |w: &&&str| !w.starts_with('-') && w.chars().all(|c| c.is_ascii_lowercase() || c == '-');
    let command: Vec<String> = rest
        .iter()
        .take(2)
        .take_while(word)
        .map(|w| w.to_string())
        .collect();
    if command.is_empty() {
        return None;
    }
    let flags = rest
        .iter()
        .filter(|w| w.starts_with("--") && w.len() > 2)
        .map(|w| {
            w.trim_end_matches([']', ')', ','])
                .split('=')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    Some((command, flags))
}

#[test]
fn every_documented_command_and_flag_exists() {
    let mut checked = 0;
    let mut wrong = Vec::new();
    for doc in documents() {
        let markdown = std::fs::read_to_string(&doc).unwrap();
        let name = doc
            .strip_prefix(common::repo())
            .unwrap()
            .display()
            .to_string();
        for (line_no, line) in command_lines(&markdown) {
            let Some((command, flags)) = facepoints_call(&line) else {
                continue;
            };
            let mut args: Vec<&str> = command.iter().map(String::as_str).collect();
            args.push("--help");
            let out = facepoints(&args);
            let command = command.join(" ");
            if !out.status.success() {
                wrong.push(format!("{name}:{line_no}: no command `{command}`"));
                continue;
            }
            let help = text(&out.stdout);
            for flag in flags {
                if flag != "--help"
                    && !help.contains(&format!("{flag} "))
                    && !help.contains(&format!("{flag}\n"))
                    && !help.contains(&format!("{flag}="))
                    && !help.contains(&format!("{flag} <"))
                {
                    wrong.push(format!(
                        "{name}:{line_no}: `facepoints {command}` has no {flag}"
                    ));
                }
            }
            checked += 1;
        }
    }
    assert!(
        wrong.is_empty(),
        "documented commands that no longer run:\n{}",
        wrong.join("\n")
    );
    assert!(
        checked >= 20,
        "only {checked} documented facepoints commands found"
    );
}

#[test]
fn every_documented_script_and_bench_exists() {
    let repo = common::repo();
    let mut wrong = Vec::new();
    for doc in documents() {
        let markdown = std::fs::read_to_string(&doc).unwrap();
        let name = doc.strip_prefix(repo).unwrap().display().to_string();
        for (line_no, line) in command_lines(&markdown) {
            let words: Vec<&str> = line.split_whitespace().collect();
            for pair in words.windows(2) {
                let file = match pair {
                    ["bash" | "node" | "python3", path] if path.contains('/') => {
                        Some(PathBuf::from(path))
                    }
                    ["--bench", bench] => Some(Path::new("benches").join(format!("{bench}.rs"))),
                    _ => None,
                };
                if let Some(file) = file
                    && file.is_relative()
                    && !file.starts_with("/tmp")
                    && !repo.join(&file).exists()
                {
                    wrong.push(format!(
                        "{name}:{line_no}: {} does not exist",
                        file.display()
                    ));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "documented files that do not exist:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn command_lines_are_read_from_code_blocks_with_continuations() {
    let md = "text facepoints nope\n```sh\nfacepoints train --data a \\\n  --epochs 3   # note --not-a-flag\n```\n";
    let lines = command_lines(md);
    assert_eq!(lines.len(), 1);
    let (command, flags) = facepoints_call(&lines[0].1).unwrap();
    assert_eq!(command, ["train"]);
    assert_eq!(flags, ["--data", "--epochs"]);
    assert_eq!(
        facepoints_call("cargo run --bin facepoints -- eval --model m.fpk"),
        Some((vec!["eval".into()], vec!["--model".into()]))
    );
    assert_eq!(facepoints_call("cargo build --bin facepoints"), None);
    assert_eq!(
        facepoints_call("src/cli/  the facepoints command (one file)"),
        None
    );
    assert_eq!(
        facepoints_call("D=x facepoints knn --k 1,3"),
        Some((vec!["knn".into()], vec!["--k".into()]))
    );
    assert_eq!(
        facepoints_call("facepoints runs merge plan/ --partial"),
        Some((
            vec!["runs".into(), "merge".into()],
            vec!["--partial".into()]
        ))
    );
}
