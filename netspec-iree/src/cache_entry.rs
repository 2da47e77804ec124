//! The module cache's entry format: a magic line, the vmfb's length and SHA-256, then the vmfb.
//! A crash or a full disk can leave an entry cut short, and any byte can go bad; both are caught
//! on read. Depends on nothing but sha2, so `fuzz/` compiles this file on its own.

use sha2::{Digest, Sha256};

const MAGIC: &[u8; 8] = b"NSVMFB1\n";
const HEADER: usize = 8 + 8 + 32;

/// An entry holding `vmfb`.
pub fn seal(vmfb: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + vmfb.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(vmfb.len() as u64).to_le_bytes());
    out.extend_from_slice(&Sha256::digest(vmfb));
    out.extend_from_slice(vmfb);
    out
}

/// The vmfb inside an entry, or why the entry cannot be trusted.
pub fn open(entry: &[u8]) -> Result<&[u8], &'static str> {
    if entry.len() < HEADER || &entry[..8] != MAGIC {
        return Err("not a netspec cache entry");
    }
    let len = u64::from_le_bytes(entry[8..16].try_into().expect("8 bytes"));
    let vmfb = &entry[HEADER..];
    if vmfb.len() as u64 != len {
        return Err("truncated");
    }
    if Sha256::digest(vmfb).as_slice() != &entry[16..HEADER] {
        return Err("checksum mismatch");
    }
    Ok(vmfb)
}
