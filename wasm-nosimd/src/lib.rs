//! Makes a wasm module valid where WebAssembly has no SIMD (WebAssembly 2.0 without it): every
//! function that uses SIMD — a `v128` in its type or its locals, or a SIMD instruction — becomes
//! a trap (`unreachable`), and the types that name `v128` name `i32` instead. Everything else
//! is copied byte for byte: the other functions' bodies and every other section.
//!
//! Why: the page's no-SIMD engine is built without `simd128`, but gemm compiles its simd128
//! kernels into every wasm build and chooses them at run time (off in that engine: burn's `simd`
//! feature, which turns them on, is not in it). A browser without SIMD refuses a whole module
//! that merely contains them, so they are cut out here. Whether code that runs reaches a
//! function cut out is not this tool's to know: the build names the ones it may cut out
//! (`wasm-nosimd --only-in`: gemm's simd128 kernels) and is refused if others use SIMD.

use std::collections::HashSet;

use wasm_encoder::{CodeSection, Function, Instruction, Module, RawSection, TypeSection};
use wasmparser::{
    BinaryReaderError, BlockType, CompositeInnerType, FuncType, Operator, Parser, Payload, RefType,
    ValType, Validator, WasmFeatures,
};

/// The instruction prefix of every SIMD instruction.
const SIMD_PREFIX: u8 = 0xfd;

/// What [`strip_simd`] did.
#[derive(Debug)]
pub struct Stripped {
    /// The module, valid without SIMD.
    pub wasm: Vec<u8>,
    /// Functions defined in the module (imports not counted).
    pub functions: usize,
    /// Of those, the ones that became traps.
    pub trapped: usize,
    /// Their names, where the module has a name section (else empty).
    pub trapped_names: Vec<String>,
}

/// `wasm` without SIMD: see the module's documentation; its name section dropped unless
/// `keep_names` (it is read first: [`Stripped::trapped_names`]). Fails on a module this tool
/// does not know how to rewrite (GC types, a `v128` global or import), never silently.
pub fn strip_simd(wasm: &[u8], keep_names: bool) -> Result<Stripped, String> {
    let mut simd_types = HashSet::new(); // type indices whose signature names v128
    let mut func_types = Vec::new(); // each defined function's type index
    let mut module = Module::new();
    let mut code = CodeSection::new();
    let mut trapped = 0;
    let mut imported_functions = 0u32;
    let mut trapped_indices = Vec::new();
    let mut trapped_names = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|e| e.to_string())?;
        match payload {
            Payload::Version { .. } | Payload::End(_) => {}
            Payload::TypeSection(reader) => {
                let mut types = TypeSection::new();
                for (index, group) in reader.into_iter().enumerate() {
                    let group = group.map_err(|e| e.to_string())?;
                    let mut subtypes = group.into_types();
                    let (Some(subtype), None) = (subtypes.next(), subtypes.next()) else {
                        return Err(format!("type {index} is a recursive group: not supported"));
                    };
                    let CompositeInnerType::Func(ty) = &subtype.composite_type.inner else {
                        return Err(format!(
                            "type {index} is not a function type: not supported"
                        ));
                    };
                    if names_v128(ty) {
                        simd_types.insert(index as u32);
                    }
                    let params: Vec<_> = ty
                        .params()
                        .iter()
                        .map(without_v128)
                        .collect::<Result<_, _>>()?;
                    let results: Vec<_> = ty
                        .results()
                        .iter()
                        .map(without_v128)
                        .collect::<Result<_, _>>()?;
                    types.ty().function(params, results);
                }
                module.section(&types);
            }
            Payload::ImportSection(ref reader) => {
                for import in reader.clone().into_imports() {
                    let import = import.map_err(|e| e.to_string())?;
                    if let wasmparser::TypeRef::Func(ty) = import.ty
                        && simd_types.contains(&ty)
                    {
                        return Err(format!(
                            "the import {}.{} takes or gives v128",
                            import.module, import.name
                        ));
                    }
                    if matches!(import.ty, wasmparser::TypeRef::Func(_)) {
                        imported_functions += 1;
                    }
                }
                copy(&mut module, wasm, 2, reader.range());
            }
            Payload::FunctionSection(ref reader) => {
                for ty in reader.clone() {
                    func_types.push(ty.map_err(|e| e.to_string())?);
                }
                copy(&mut module, wasm, 3, reader.range());
            }
            Payload::GlobalSection(ref reader) => {
                for global in reader.clone() {
                    if global.map_err(|e| e.to_string())?.ty.content_type == ValType::V128 {
                        return Err("a global holds a v128: not supported".into());
                    }
                }
                copy(&mut module, wasm, 6, reader.range());
            }
            Payload::CodeSectionStart { .. } => {}
            Payload::CodeSectionEntry(body) => {
                let index = code.len() as usize;
                let ty = *func_types
                    .get(index)
                    .ok_or("more function bodies than functions")?;
                if simd_types.contains(&ty) || uses_simd(wasm, &body, &simd_types)? {
                    let mut trap = Function::new([]);
                    trap.instruction(&Instruction::Unreachable)
                        .instruction(&Instruction::End);
                    code.function(&trap);
                    trapped += 1;
                    trapped_indices.push(imported_functions + index as u32);
                } else {
                    code.raw(&wasm[body.range()]);
                }
                if code.len() as usize == func_types.len() {
                    module.section(&code);
                }
            }
            Payload::CustomSection(ref section) => {
                if let wasmparser::KnownCustom::Name(names) = section.as_known() {
                    trapped_names = function_names(names, &trapped_indices);
                    if !keep_names {
                        continue;
                    }
                }
                copy(&mut module, wasm, 0, section.range());
            }
            other => {
                let Some((id, range)) = other.as_section() else {
                    return Err(format!("unexpected part of the module: {other:?}"));
                };
                copy(&mut module, wasm, id, range);
            }
        }
    }
    Ok(Stripped {
        wasm: module.finish(),
        functions: func_types.len(),
        trapped,
        trapped_names,
    })
}

/// Checks `wasm` as a browser with WebAssembly 2.0 but no SIMD would.
pub fn validate_without_simd(wasm: &[u8]) -> Result<(), String> {
    let features = WasmFeatures::WASM2.difference(WasmFeatures::SIMD | WasmFeatures::RELAXED_SIMD);
    Validator::new_with_features(features)
        .validate_all(wasm)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// The names the name section gives the functions `indices`.
fn function_names(names: wasmparser::NameSectionReader, indices: &[u32]) -> Vec<String> {
    let wanted: HashSet<u32> = indices.iter().copied().collect();
    let mut found = Vec::new();
    for part in names.into_iter().flatten() {
        if let wasmparser::Name::Function(map) = part {
            for naming in map.into_iter().flatten() {
                if wanted.contains(&naming.index) {
                    found.push(naming.name.to_string());
                }
            }
        }
    }
    found
}

fn names_v128(ty: &FuncType) -> bool {
    ty.params()
        .iter()
        .chain(ty.results())
        .any(|t| *t == ValType::V128)
}

fn without_v128(ty: &ValType) -> Result<wasm_encoder::ValType, String> {
    use wasm_encoder::ValType as E;
    Ok(match *ty {
        ValType::I32 | ValType::V128 => E::I32,
        ValType::I64 => E::I64,
        ValType::F32 => E::F32,
        ValType::F64 => E::F64,
        ValType::Ref(r) if r == RefType::FUNCREF => E::FUNCREF,
        ValType::Ref(r) if r == RefType::EXTERNREF => E::EXTERNREF,
        ValType::Ref(r) => return Err(format!("a function type names {r:?}: not supported")),
    })
}

/// Whether a function body has a `v128` local, a SIMD instruction or a block of `v128`s.
fn uses_simd(
    wasm: &[u8],
    body: &wasmparser::FunctionBody,
    simd_types: &HashSet<u32>,
) -> Result<bool, String> {
    for local in body.get_locals_reader().map_err(|e| e.to_string())? {
        if local.map_err(|e| e.to_string())?.1 == ValType::V128 {
            return Ok(true);
        }
    }
    let simd_block = |b: &BlockType| match b {
        BlockType::Type(t) => *t == ValType::V128,
        BlockType::FuncType(i) => simd_types.contains(i),
        BlockType::Empty => false,
    };
    let mut operators = body.get_operators_reader().map_err(|e| e.to_string())?;
    while !operators.eof() {
        let op = match operators.read() {
            Ok(op) => op,
            // This build of wasmparser reads no SIMD instruction: its prefix is the error.
            Err(e) if is_simd_instruction(wasm, &e) => return Ok(true),
            Err(e) => return Err(e.to_string()),
        };
        let simd = match &op {
            Operator::Block { blockty } | Operator::Loop { blockty } | Operator::If { blockty } => {
                simd_block(blockty)
            }
            Operator::TypedSelect { ty } => *ty == ValType::V128,
            Operator::CallIndirect { type_index, .. } => simd_types.contains(type_index),
            _ => false,
        };
        if simd {
            return Ok(true);
        }
    }
    Ok(false)
}

fn is_simd_instruction(wasm: &[u8], error: &BinaryReaderError) -> bool {
    wasm.get(error.offset()) == Some(&SIMD_PREFIX)
}

fn copy(module: &mut Module, wasm: &[u8], id: u8, range: std::ops::Range<usize>) {
    module.section(&RawSection {
        id,
        data: &wasm[range],
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        ConstExpr, ElementSection, Elements, EntityType, ExportKind, ExportSection,
        FunctionSection, GlobalSection, GlobalType, ImportSection, MemorySection, MemoryType,
        RefType as ERef, TableSection, TableType, ValType as E,
    };

    /// A module with an imported function, a plain function (`seven`), one with a v128 local
    /// and SIMD instructions, one whose type takes a v128, a table that holds the SIMD one, a
    /// memory and a global: a section of each kind that is copied.
    fn module_with_simd() -> (Vec<u8>, Vec<u8>) {
        let mut types = TypeSection::new();
        types.ty().function([], [E::I32]);
        types.ty().function([E::V128], [E::V128]);
        let mut imports = ImportSection::new();
        imports.import("env", "answer", EntityType::Function(0));
        let mut functions = FunctionSection::new();
        functions.function(0).function(0).function(1);
        let mut memory = MemorySection::new();
        memory.memory(MemoryType {
            minimum: 1,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        });
        let mut globals = GlobalSection::new();
        let counter = GlobalType {
            val_type: E::I32,
            mutable: true,
            shared: false,
        };
        globals.global(counter, &ConstExpr::i32_const(0));
        let mut table = TableSection::new();
        table.table(TableType {
            element_type: ERef::FUNCREF,
            table64: false,
            minimum: 1,
            maximum: None,
            shared: false,
        });
        let mut exports = ExportSection::new();
        exports.export("seven", ExportKind::Func, 1);
        let mut elements = ElementSection::new();
        elements.active(
            Some(0),
            &ConstExpr::i32_const(0),
            Elements::Functions([2].as_slice().into()),
        );
        let mut seven = Function::new([(1, E::I32)]);
        seven
            .instruction(&Instruction::I32Const(3))
            .instruction(&Instruction::LocalSet(0))
            .instruction(&Instruction::LocalGet(0))
            .instruction(&Instruction::I32Const(4))
            .instruction(&Instruction::I32Add)
            .instruction(&Instruction::End);
        let mut lanes = Function::new([(1, E::V128)]);
        lanes
            .instruction(&Instruction::F32Const(2.0.into()))
            .instruction(&Instruction::F32x4Splat)
            .instruction(&Instruction::LocalTee(0))
            .instruction(&Instruction::LocalGet(0))
            .instruction(&Instruction::F32x4Mul)
            .instruction(&Instruction::F32x4ExtractLane(0))
            .instruction(&Instruction::I32TruncF32S)
            .instruction(&Instruction::End);
        let mut identity = Function::new([]);
        identity
            .instruction(&Instruction::LocalGet(0))
            .instruction(&Instruction::End);
        let mut code = CodeSection::new();
        code.function(&seven).function(&lanes).function(&identity);
        let mut module = Module::new();
        module
            .section(&types)
            .section(&imports)
            .section(&functions)
            .section(&table)
            .section(&memory)
            .section(&globals)
            .section(&exports)
            .section(&elements)
            .section(&code);
        (module.finish(), seven.into_raw_body())
    }

    #[test]
    fn the_functions_that_use_simd_become_traps_and_the_others_stay_as_they_were() {
        let (wasm, seven) = module_with_simd();
        assert!(validate_without_simd(&wasm).is_err(), "the input uses SIMD");
        let stripped = strip_simd(&wasm, true).unwrap();
        assert_eq!((stripped.functions, stripped.trapped), (3, 2));
        validate_without_simd(&stripped.wasm).unwrap();
        let kept = stripped
            .wasm
            .windows(seven.len())
            .any(|w| w == seven.as_slice());
        assert!(kept, "the plain function's body is copied byte for byte");
        assert_eq!(
            strip_simd(&stripped.wasm, true).unwrap().trapped,
            0,
            "nothing left to take out"
        );
    }

    #[test]
    fn a_module_it_cannot_read_is_an_error() {
        assert!(strip_simd(b"\0asm\x01\0\0\0\x01\x05", true).is_err());
        assert!(strip_simd(b"not wasm", true).is_err());
    }

    /// The committed engines (scripts/build-web.sh): the no-SIMD one is valid without SIMD, and
    /// the check can fail (the SIMD engine is not).
    #[test]
    fn the_committed_no_simd_engine_is_valid_where_webassembly_has_no_simd() {
        let pkg = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../pkg");
        let nosimd = std::fs::read(pkg.join("cpu-nosimd/facepoints_bg.wasm")).unwrap();
        validate_without_simd(&nosimd).unwrap();
        let simd = std::fs::read(pkg.join("cpu/facepoints_bg.wasm")).unwrap();
        let refused = validate_without_simd(&simd).unwrap_err();
        assert!(refused.contains("SIMD"), "{refused}");
    }
}
