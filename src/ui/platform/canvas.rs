//! Drawing a chart function into a canvas at device resolution.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use crate::chart::ChartStyle;
use crate::text::Lang;

/// Sizes the canvas to its CSS box × devicePixelRatio and draws `f` into it, numbers in `lang`.
pub fn draw_into(
    canvas: &HtmlCanvasElement,
    lang: Lang,
    f: impl FnOnce(&DrawingArea<CanvasBackend, Shift>, &ChartStyle),
) {
    let ratio = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0);
    let el: &web_sys::Element = canvas.unchecked_ref();
    let rect = el.get_bounding_client_rect();
    let (w, h) = (rect.width().max(10.0), rect.height().max(10.0));
    let (pw, ph) = ((w * ratio).round() as u32, (h * ratio).round() as u32);
    if canvas.width() != pw || canvas.height() != ph {
        canvas.set_width(pw);
        canvas.set_height(ph);
    }
    if let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) {
        let area = backend.into_drawing_area();
        f(&area, &ChartStyle { scale: ratio, lang });
    }
}
