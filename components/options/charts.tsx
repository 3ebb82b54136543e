/**
 * Small SVG charts drawn by hand: no chart library for four pictures. Each has a text
 * alternative (a data table follows each chart for screen readers and for exact values).
 */

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The value as shown above the bar. */
  display: string;
  /** Colour class: `ok`, `warn` or `bad`. */
  variant?: 'ok' | 'warn' | 'bad';
}

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { top: 24, right: 16, bottom: 40, left: 16 };

export function BarChart({ bars, label }: { bars: readonly Bar[]; label: string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const inner = WIDTH - PAD.left - PAD.right;
  const slot = inner / Math.max(1, bars.length);
  const barWidth = Math.min(80, slot * 0.6);
  const chartHeight = HEIGHT - PAD.top - PAD.bottom;
  return (
    <svg class="ro-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <line
        x1={PAD.left}
        x2={WIDTH - PAD.right}
        y1={HEIGHT - PAD.bottom}
        y2={HEIGHT - PAD.bottom}
        class="ro-axis"
      />
      {bars.map((bar, index) => {
        const height = (bar.value / max) * chartHeight;
        const x = PAD.left + slot * index + (slot - barWidth) / 2;
        const y = HEIGHT - PAD.bottom - height;
        return (
          <g
            key={bar.key}
            class={`ro-bar${bar.variant ? ` ro-bar-${bar.variant}` : ''}`}
            data-bucket={bar.key}
          >
            <rect x={x} y={y} width={barWidth} height={Math.max(height, bar.value > 0 ? 1 : 0)} rx={3} />
            <text x={x + barWidth / 2} y={y - 6} text-anchor="middle" class="ro-value">
              {bar.display}
            </text>
            <text x={x + barWidth / 2} y={HEIGHT - PAD.bottom + 18} text-anchor="middle" class="ro-label">
              {bar.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface Series {
  key: string;
  label: string;
  /** One value per point, between 0 and 1; null where there is nothing to measure. */
  values: readonly (number | null)[];
}

/** Rates over time, 0 % to 100 %; a gap where a value is missing. */
export function LineChart({
  points,
  series,
  label,
}: {
  points: readonly string[];
  series: readonly Series[];
  label: string;
}) {
  const left = 44;
  const inner = WIDTH - left - PAD.right;
  const chartHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) =>
    left + (points.length <= 1 ? inner / 2 : (index / (points.length - 1)) * inner);
  const y = (value: number) => PAD.top + (1 - Math.min(1, Math.max(0, value))) * chartHeight;
  const path = (values: readonly (number | null)[]) => {
    let d = '';
    let pen = false;
    values.forEach((value, index) => {
      if (value === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(index).toFixed(1)},${y(value).toFixed(1)} `;
      pen = true;
    });
    return d.trim();
  };
  return (
    <svg class="ro-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      {[0, 0.5, 1].map((tick) => (
        <g key={tick}>
          <line x1={left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} class="ro-grid-line" />
          <text x={left - 6} y={y(tick) + 4} text-anchor="end" class="ro-label">
            {`${tick * 100} %`}
          </text>
        </g>
      ))}
      {points.map((point, index) => (
        <text key={point} x={x(index)} y={HEIGHT - PAD.bottom + 18} text-anchor="middle" class="ro-label">
          {point}
        </text>
      ))}
      {series.map((line, index) => (
        <g key={line.key} class={`ro-series ro-series-${index}`}>
          <path d={path(line.values)} fill="none" />
          {line.values.map((value, point) =>
            value === null ? null : <circle key={point} cx={x(point)} cy={y(value)} r={3} />,
          )}
        </g>
      ))}
      {series.map((line, index) => (
        <g key={`legend-${line.key}`} class={`ro-series ro-series-${index}`}>
          <line x1={left + index * 200} x2={left + index * 200 + 20} y1={10} y2={10} />
          <text x={left + index * 200 + 26} y={14} class="ro-label">
            {line.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
