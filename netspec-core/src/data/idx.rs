//! Reader for the IDX format of MNIST and Fashion-MNIST.
//!
//! Layout: magic `00 00 <type> <ndims>`, then `ndims` big-endian u32 dimensions, then the
//! data, row-major. Only type `0x08` (unsigned byte) is supported, which is what both data
//! sets use. Files may be gzipped; gzip is recognised by its magic bytes, not the file name.

use std::io::Read;
use std::path::Path;

use flate2::read::MultiGzDecoder;

use super::{DataError, Dataset};

/// An n-dimensional array of bytes read from an IDX file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdxArray {
    pub dims: Vec<usize>,
    pub data: Vec<u8>,
}

/// Number of classes in MNIST and Fashion-MNIST.
const CLASSES: usize = 10;

/// The bytes of an unsigned-byte IDX file: the header for `dims`, then `data` (row-major; a
/// well-formed file holds their product of bytes, which is not checked, so that tests can write
/// broken ones).
pub fn encode(dims: &[u32], data: &[u8]) -> Vec<u8> {
    let mut out = vec![0, 0, 0x08, dims.len() as u8];
    for d in dims {
        out.extend_from_slice(&d.to_be_bytes());
    }
    out.extend_from_slice(data);
    out
}

/// Reads an IDX file, gunzipping it first if it is gzipped.
pub fn read(path: &Path) -> Result<IdxArray, DataError> {
    let raw = std::fs::read(path).map_err(|source| DataError::Io {
        path: path.into(),
        source,
    })?;
    decode(&raw, path)
}

/// Deflate never packs more than 1032 bytes into one ([zlib's technical details][ratio]), so a
/// gzip stream of n bytes holds at most this many times n.
///
/// [ratio]: https://zlib.net/zlib_tech.html
const MAX_DEFLATE_RATIO: u64 = 1032;

/// The most IDX data netspec unpacks from one file (MNIST's training images are 47 MB,
/// EMNIST's largest set about 550 MB).
pub const MAX_DATA_BYTES: u64 = 2 << 30;

/// Parses the bytes of an IDX file, gunzipping them first if they are gzipped; `origin` is used
/// in messages. What is unpacked is bounded by the file at hand: a header announcing more data
/// than the gzip stream could hold ([`MAX_DEFLATE_RATIO`] times its size) or more than
/// [`MAX_DATA_BYTES`] is refused before anything is unpacked, and decompression stops one byte
/// past the announced size.
pub fn decode(raw: &[u8], origin: &Path) -> Result<IdxArray, DataError> {
    if !raw.starts_with(&[0x1f, 0x8b]) {
        return parse(raw, origin);
    }
    let gz_error = |e: std::io::Error| {
        malformed(
            origin,
            format!("it starts like a gzip file but does not decompress ({e})"),
        )
    };
    let mut stream = MultiGzDecoder::new(raw);
    let mut bytes = Vec::new();
    (&mut stream)
        .take(4)
        .read_to_end(&mut bytes)
        .map_err(gz_error)?;
    if bytes.len() == 4 {
        let ndims = u64::from(bytes[3]);
        (&mut stream)
            .take(4 * ndims)
            .read_to_end(&mut bytes)
            .map_err(gz_error)?;
        let announced = bytes[4..]
            .chunks_exact(4)
            .try_fold(1u64, |acc, d| {
                acc.checked_mul(u64::from(u32::from_be_bytes([d[0], d[1], d[2], d[3]])))
            })
            .unwrap_or(u64::MAX);
        // A header cut short or of another format is left to `parse` to describe, without
        // unpacking the data.
        if bytes.len() as u64 == 4 + 4 * ndims && bytes.starts_with(&[0, 0, 0x08]) {
            check_plausible(announced, raw.len() as u64, &bytes[4..], origin)?;
            // One byte more than announced is enough for `parse` to report trailing bytes.
            stream
                .take(announced.saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(gz_error)?;
        }
    }
    parse(&bytes, origin)
}

/// Refuses a gzipped IDX header whose announced data the file cannot hold or netspec would not
/// load, before anything is unpacked.
fn check_plausible(
    announced: u64,
    compressed: u64,
    dim_bytes: &[u8],
    origin: &Path,
) -> Result<(), DataError> {
    let dims: Vec<u32> = dim_bytes
        .chunks_exact(4)
        .map(|d| u32::from_be_bytes([d[0], d[1], d[2], d[3]]))
        .collect();
    let holds = compressed.saturating_mul(MAX_DEFLATE_RATIO);
    if announced > holds {
        return Err(malformed(
            origin,
            format!(
                "dimensions {dims:?} announce {announced} data bytes, but a gzip stream of \
                 {compressed} bytes unpacks to at most {holds}: the file is truncated or its \
                 header is wrong"
            ),
        ));
    }
    if announced > MAX_DATA_BYTES {
        return Err(malformed(
            origin,
            format!(
                "dimensions {dims:?} announce {announced} data bytes, more than the \
                 {MAX_DATA_BYTES} netspec loads from one IDX file"
            ),
        ));
    }
    Ok(())
}

/// Parses the (already decompressed) bytes of an IDX file; `origin` is used in messages.
pub fn parse(bytes: &[u8], origin: &Path) -> Result<IdxArray, DataError> {
    if bytes.len() < 4 {
        return Err(malformed(
            origin,
            format!(
                "expected a 4-byte IDX header, found only {} bytes",
                bytes.len()
            ),
        ));
    }
    if bytes[0] != 0 || bytes[1] != 0 {
        return Err(malformed(
            origin,
            format!(
                "bad magic number: expected 00 00 <type> <ndims>, found {:02x} {:02x} {:02x} {:02x}",
                bytes[0], bytes[1], bytes[2], bytes[3]
            ),
        ));
    }
    let type_code = bytes[2];
    if type_code != 0x08 {
        return Err(malformed(
            origin,
            format!(
                "element type code 0x{type_code:02x} ({}) is not supported; only 0x08 \
                 (unsigned byte) is",
                type_name(type_code)
            ),
        ));
    }
    let ndims = usize::from(bytes[3]);
    let header_len = 4 + 4 * ndims;
    if bytes.len() < header_len {
        return Err(malformed(
            origin,
            format!(
                "truncated header: {ndims} dimensions need {header_len} header bytes, found {}",
                bytes.len()
            ),
        ));
    }
    let dims: Vec<usize> = bytes[4..header_len]
        .chunks_exact(4)
        .map(|d| u32::from_be_bytes([d[0], d[1], d[2], d[3]]) as usize)
        .collect();
    let expected = dims.iter().try_fold(1usize, |acc, &d| acc.checked_mul(d));
    let found = bytes.len() - header_len;
    match expected {
        Some(expected) if expected == found => Ok(IdxArray {
            dims,
            data: bytes[header_len..].to_vec(),
        }),
        Some(expected) => {
            let what = if found < expected {
                "truncated"
            } else {
                "has trailing bytes"
            };
            Err(malformed(
                origin,
                format!(
                    "file {what}: dimensions {dims:?} need {expected} data bytes, found {found}"
                ),
            ))
        }
        None => Err(malformed(
            origin,
            format!("dimensions {dims:?} are impossibly large"),
        )),
    }
}

/// Images file (`[N, H, W]`) + labels file (`[N]`) -> a [`Dataset`] with image shape
/// `[1, H, W]`, pixels divided by 255 and 10 classes.
pub fn load_pair(images: &Path, labels: &Path) -> Result<Dataset, DataError> {
    let x = read(images)?;
    let y = read(labels)?;
    if x.dims.len() != 3 {
        return Err(malformed(
            images,
            format!(
                "expected an images file with 3 dimensions [N, H, W], found dimensions {:?}",
                x.dims
            ),
        ));
    }
    if y.dims.len() != 1 {
        return Err(malformed(
            labels,
            format!(
                "expected a labels file with 1 dimension [N], found dimensions {:?}",
                y.dims
            ),
        ));
    }
    if x.dims[0] != y.dims[0] {
        return Err(DataError::CountMismatch {
            images: images.into(),
            image_count: x.dims[0],
            labels: labels.into(),
            label_count: y.dims[0],
        });
    }
    if let Some(i) = y.data.iter().position(|&l| usize::from(l) >= CLASSES) {
        return Err(malformed(
            labels,
            format!(
                "label {} at index {i} is out of range; expected 0..={}",
                y.data[i],
                CLASSES - 1
            ),
        ));
    }
    Ok(Dataset {
        images: x.data.iter().map(|&p| f32::from(p) / 255.0).collect(),
        labels: y.data.iter().map(|&l| i32::from(l)).collect(),
        image_shape: [1, x.dims[1], x.dims[2]],
        classes: CLASSES,
    })
}

/// An IDX file that is not what it should be; netspec's own IDX files are the MNIST sets the
/// setup script fetches.
fn malformed(path: &Path, problem: String) -> DataError {
    DataError::Malformed {
        path: path.into(),
        problem: format!("{problem}; replace it with a good copy (scripts/setup.sh fetches the MNIST sets again)"),
    }
}

fn type_name(code: u8) -> &'static str {
    match code {
        0x08 => "unsigned byte",
        0x09 => "signed byte",
        0x0B => "i16",
        0x0C => "i32",
        0x0D => "f32",
        0x0E => "f64",
        _ => "unknown type",
    }
}
