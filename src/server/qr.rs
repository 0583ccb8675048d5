//! The join link as a QR code, drawn as SVG for the projector.

use qrcode::render::svg;
use qrcode::QrCode;

/// An SVG document of `text` as a QR code, or `None` when it does not fit in one.
pub fn svg(text: &str) -> Option<String> {
    let code = QrCode::new(text.as_bytes()).ok()?;
    Some(
        code.render::<svg::Color<'_>>()
            .min_dimensions(240, 240)
            .quiet_zone(true)
            .build(),
    )
}
