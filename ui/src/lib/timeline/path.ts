// Drawing helpers: a polyline from the core as an SVG path with rounded elbows.
export function roundedPath(points: readonly (readonly [number, number])[], radius = 4): string {
  if (points.length === 0) return "";
  const f = (n: number) => Math.round(n * 100) / 100;
  let d = `M${f(points[0][0])},${f(points[0][1])}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [px, py] = points[i - 1];
    const [cx, cy] = points[i];
    const [nx, ny] = points[i + 1];
    const inLen = Math.hypot(cx - px, cy - py);
    const outLen = Math.hypot(nx - cx, ny - cy);
    const r = Math.min(radius, inLen / 2, outLen / 2);
    if (r <= 0) {
      d += ` L${f(cx)},${f(cy)}`;
      continue;
    }
    const ax = cx - ((cx - px) / inLen) * r;
    const ay = cy - ((cy - py) / inLen) * r;
    const bx = cx + ((nx - cx) / outLen) * r;
    const by = cy + ((ny - cy) / outLen) * r;
    d += ` L${f(ax)},${f(ay)} Q${f(cx)},${f(cy)} ${f(bx)},${f(by)}`;
  }
  const last = points[points.length - 1];
  if (points.length > 1) d += ` L${f(last[0])},${f(last[1])}`;
  return d;
}
