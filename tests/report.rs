//! The training report is a valid PNG with the plotted series in it.

use netspec::report::{render, EpochRecord};

#[test]
fn report_is_a_valid_png_with_both_panels() {
    let records: Vec<EpochRecord> = (1..=4)
        .map(|e| EpochRecord {
            epoch: e,
            train_loss: 1.0 / e as f64,
            test_loss: 1.2 / e as f64,
            test_accuracy: 0.5 + 0.1 * e as f64,
        })
        .collect();
    let png = render(&records);
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // Walk the chunks, checking every CRC, and inflate the image data.
    let (mut at, mut idat, mut size) = (8, vec![], (0u32, 0u32));
    while at < png.len() {
        let len = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
        let kind = &png[at + 4..at + 8];
        let data = &png[at + 8..at + 8 + len];
        let crc = u32::from_be_bytes(png[at + 8 + len..at + 12 + len].try_into().unwrap());
        let mut h = crc32fast::Hasher::new();
        h.update(kind);
        h.update(data);
        assert_eq!(
            h.finalize(),
            crc,
            "bad CRC in {}",
            String::from_utf8_lossy(kind)
        );
        match kind {
            b"IHDR" => {
                size = (
                    u32::from_be_bytes(data[0..4].try_into().unwrap()),
                    u32::from_be_bytes(data[4..8].try_into().unwrap()),
                )
            }
            b"IDAT" => idat.extend_from_slice(data),
            _ => {}
        }
        at += 12 + len;
    }
    let mut raw = vec![];
    std::io::Read::read_to_end(&mut flate2::read::ZlibDecoder::new(&idat[..]), &mut raw).unwrap();
    let (w, h) = (size.0 as usize, size.1 as usize);
    assert_eq!(raw.len(), h * (1 + 3 * w));
    let has = |rgb: [u8; 3]| {
        raw.chunks(1 + 3 * w)
            .any(|row| row[1..].chunks(3).any(|p| p == rgb))
    };
    assert!(has([31, 119, 180]), "no train-loss line");
    assert!(has([255, 127, 14]), "no test-loss line");
    assert!(has([44, 160, 44]), "no accuracy line");
}
