import type { Channel, Step } from '../../lib/domain/schemas';
import type { Formatter } from './format';

/** Channel icons drawn as shapes around (0, 0): fonts without emoji would show empty boxes. */
function ChannelIcon({ channel, x, y }: { channel: Channel; x: number; y: number }) {
  const at = `translate(${x} ${y})`;
  if (channel === 'email')
    return (
      <g transform={at} class="ro-icon">
        <rect x={-6} y={-4} width={12} height={8} rx={1} />
        <polyline points="-6,-4 0,1 6,-4" />
      </g>
    );
  if (channel === 'letter')
    return (
      <g transform={at} class="ro-icon">
        <rect x={-5} y={-6} width={10} height={12} rx={1} />
        <line x1={-3} x2={3} y1={-2} y2={-2} />
        <line x1={-3} x2={3} y1={1} y2={1} />
        <line x1={-3} x2={1} y1={4} y2={4} />
      </g>
    );
  if (channel === 'sms')
    return (
      <g transform={at} class="ro-icon">
        <rect x={-6} y={-5} width={12} height={8} rx={2} />
        <polyline points="-3,3 -4,6 0,3" />
      </g>
    );
  return (
    <g transform={at} class="ro-icon">
      <path d="M-5,-5 q-1,6 4,10 l2,-2 -2,-3 -1,1 q-2,-2 -2,-4 l1,-1 -2,-3 z" />
    </g>
  );
}

/** The steps on a line of days relative to the due date (day 0). */
export function ScenarioTimeline({ fmt, steps }: { fmt: Formatter; steps: readonly Step[] }) {
  const { t } = fmt;
  const offsets = steps.map((step) => step.offsetDays);
  const min = Math.min(0, ...offsets) - 2;
  const max = Math.max(0, ...offsets) + 2;
  const width = 720;
  const pad = 30;
  const x = (day: number) => pad + ((day - min) / (max - min || 1)) * (width - 2 * pad);
  return (
    <svg
      class="ro-timeline"
      viewBox={`0 0 ${width} 96`}
      role="img"
      aria-label={t('options.scenario.timelineLabel', {
        steps: steps
          .map(
            (step) => `${t(`channel.${step.channel}`)} J${step.offsetDays >= 0 ? '+' : ''}${step.offsetDays}`,
          )
          .join(', '),
      })}
    >
      <line x1={pad} x2={width - pad} y1={56} y2={56} class="ro-axis" />
      <line x1={x(0)} x2={x(0)} y1={30} y2={80} class="ro-due" />
      <text x={x(0)} y={92} text-anchor="middle" class="ro-due-label">
        {t('options.scenario.dueDay')}
      </text>
      {steps.map((step, index) => (
        <g key={step.id} class={`ro-tone-${step.tone}`}>
          <circle cx={x(step.offsetDays)} cy={56} r={12} />
          <ChannelIcon channel={step.channel} x={x(step.offsetDays)} y={56} />
          <text x={x(step.offsetDays)} y={index % 2 === 0 ? 30 : 20} text-anchor="middle" class="ro-day">
            {`J${step.offsetDays >= 0 ? '+' : ''}${step.offsetDays}`}
          </text>
        </g>
      ))}
    </svg>
  );
}
