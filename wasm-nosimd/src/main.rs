//! `wasm-nosimd IN.wasm OUT.wasm [--only-in TEXT] [--list]`: writes IN without SIMD (see the
//! library) to OUT (which may be IN), checks OUT as a browser without SIMD would, and says how
//! many functions became traps. `--only-in TEXT`: IN must have a name section, and every
//! function that became a trap must have TEXT in its name (else nothing is written: a function
//! the engine runs may have been cut out); OUT is then written without the names. `--list`:
//! the names of the functions that became traps.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(output)) = (args.next(), args.next()) else {
        return usage();
    };
    let (mut only_in, mut list) = (None, false);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--only-in" => match args.next() {
                Some(text) => only_in = Some(text),
                None => return usage(),
            },
            "--list" => list = true,
            _ => return usage(),
        }
    }
    match run(&input, &output, only_in.as_deref(), list) {
        Ok(said) => {
            println!("{said}");
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("wasm-nosimd: {why}");
            ExitCode::FAILURE
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: wasm-nosimd IN.wasm OUT.wasm [--only-in TEXT] [--list]");
    ExitCode::from(2)
}

fn run(input: &str, output: &str, only_in: Option<&str>, list: bool) -> Result<String, String> {
    let wasm = std::fs::read(input).map_err(|e| format!("{input}: {e}"))?;
    let stripped =
        wasm_nosimd::strip_simd(&wasm, only_in.is_none()).map_err(|e| format!("{input}: {e}"))?;
    if let Some(text) = only_in {
        if stripped.trapped_names.len() != stripped.trapped {
            return Err(format!(
                "{input}: names {} of the {} functions that use SIMD: build it with its names",
                stripped.trapped_names.len(),
                stripped.trapped
            ));
        }
        let others: Vec<&String> = stripped
            .trapped_names
            .iter()
            .filter(|n| !n.contains(text))
            .collect();
        if !others.is_empty() {
            return Err(format!(
                "{input}: {} functions that use SIMD are not {text}, and may run: {others:?}",
                others.len()
            ));
        }
    }
    wasm_nosimd::validate_without_simd(&stripped.wasm)
        .map_err(|e| format!("{input}: still not valid without SIMD: {e}"))?;
    std::fs::write(output, &stripped.wasm).map_err(|e| format!("{output}: {e}"))?;
    let mut said = format!(
        "{output}: {} of {} functions used SIMD and now trap; valid without SIMD",
        stripped.trapped, stripped.functions
    );
    if list {
        for name in &stripped.trapped_names {
            said.push_str(&format!("\n  {name}"));
        }
    }
    Ok(said)
}
