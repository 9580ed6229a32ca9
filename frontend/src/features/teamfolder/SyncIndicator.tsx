import { href } from '../../lib/router';
import { fill, useTeamFolderStatus, useTft } from './common';
import { indicatorTone } from './logic';

const marks = { good: '✓', busy: '↻', bad: '!', none: '' };

/**
 * The shell's small sync indicator: the state in words (never colour alone), which its
 * accessible name starts with (WCAG 2.5.3), announced politely when it changes, linking to
 * the sync page. Nothing when the laptop works alone.
 */
export function SyncIndicator() {
  const tt = useTft();
  const status = useTeamFolderStatus();
  const state = status.data?.state ?? 'none';
  if (state === 'none') return null;
  const tone = indicatorTone(state);
  const text = tt.states[state as keyof typeof tt.states] ?? state;
  return (
    <a className={`tf-indicator tf-${tone}`} href={href({ name: 'sync' })} aria-label={fill(tt.indicatorLabel, { state: text })}>
      <span className="tf-mark" aria-hidden="true">
        {marks[tone]}
      </span>
      <span aria-live="polite">{text}</span>
    </a>
  );
}
