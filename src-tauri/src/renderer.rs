//! Which of WebKitGTK's drawing paths the window uses, chosen before GTK starts.
//!
//! By default WebKitGTK composites every frame through GL into DMA-BUF buffers. Without a
//! GPU render node (virtual machines, remote X sessions, Xvfb, machines whose only GL is
//! Mesa's software llvmpipe) that GL runs on the CPU, and every repaint — a dragged bar, a
//! scrolled timeline, a 50 × 20 px box moved across the window — took ~200 ms a frame on a
//! 2-core machine; with the DMA-BUF renderer off the same frames took 8–16 ms and the
//! process tree held ~100 MB less (docs/PERFORMANCE.md). So when the machine has no render
//! node and the user has not chosen either way, it is turned off. A user who sets
//! `WEBKIT_DISABLE_DMABUF_RENDERER` (to `0` to keep it) or `WEBKIT_DISABLE_COMPOSITING_MODE`
//! is left alone.

use std::path::Path;

const DMABUF_VAR: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";
const COMPOSITING_VAR: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Sets `WEBKIT_DISABLE_DMABUF_RENDERER=1` when it should be. Call first thing in `main`,
/// before any thread exists (the environment is process-wide).
pub fn choose() {
    if cfg!(target_os = "linux") && should_disable_dmabuf(|name| std::env::var_os(name).is_some(), has_render_node(Path::new("/dev/dri"))) {
        std::env::set_var(DMABUF_VAR, "1");
    }
}

/// The decision: only when the user set neither variable and there is no GPU to render on.
fn should_disable_dmabuf(is_set: impl Fn(&str) -> bool, render_node: bool) -> bool {
    !is_set(DMABUF_VAR) && !is_set(COMPOSITING_VAR) && !render_node
}

/// True when `dir` (normally /dev/dri) holds a GPU render node (`renderD128`, …).
fn has_render_node(dir: &Path) -> bool {
    std::fs::read_dir(dir).map(|entries| entries.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD"))).unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_render_node_the_dmabuf_renderer_is_turned_off_unless_the_user_chose() {
        assert!(should_disable_dmabuf(|_| false, false));
        assert!(!should_disable_dmabuf(|_| false, true), "a GPU keeps WebKit's default");
        assert!(!should_disable_dmabuf(|n| n == DMABUF_VAR, false), "the user's own setting wins, 0 included");
        assert!(!should_disable_dmabuf(|n| n == COMPOSITING_VAR, false), "compositing already off: nothing to add");
    }

    #[test]
    fn a_render_node_is_found_by_its_name() {
        let dir = std::env::temp_dir().join(format!("lodestar-dri-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert!(!has_render_node(&dir), "an empty folder has none");
        std::fs::write(dir.join("card0"), b"").unwrap();
        assert!(!has_render_node(&dir), "a display card alone is not a render node");
        std::fs::write(dir.join("renderD128"), b"").unwrap();
        assert!(has_render_node(&dir));
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(!has_render_node(&dir), "a missing folder has none");
    }
}
