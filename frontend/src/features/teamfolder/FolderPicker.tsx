import { useState } from 'react';
import { teamFolderApi, type FolderCheck } from '../../api/teamFolder';
import { toAppError, type AppError } from '../../api/errors';
import { TextField } from '../../components/form';
import { fill, useTft } from './common';
import { danishDateTime } from './logic';

/** The folder field: a native dialog or a typed path, checked, with the result explained. */
export function FolderPicker(p: {
  path: string;
  onPath: (path: string) => void;
  check: FolderCheck | null;
  onCheck: (c: FolderCheck | null) => void;
  onError: (e: AppError) => void;
  error?: string;
}) {
  const tt = useTft();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<FolderCheck>) => {
    setBusy(true);
    try {
      const c = await work();
      if (!c.cancelled) {
        p.onPath(c.path);
        p.onCheck(c);
      }
    } catch (e) {
      p.onError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };
  const c = p.check;
  return (
    <div>
      <div className="tf-row">
        <TextField
          label={tt.folder}
          help={tt.folderHelp}
          value={p.path}
          onChange={(v) => {
            p.onPath(v);
            p.onCheck(null);
          }}
          error={p.error}
        />
        <button type="button" disabled={busy} onClick={() => void run(teamFolderApi.chooseFolder)}>
          {tt.choose}
        </button>
        <button type="button" disabled={busy || !p.path.trim()} onClick={() => void run(() => teamFolderApi.checkFolder(p.path))}>
          {tt.check}
        </button>
      </div>
      {/* Mounted empty and filled by a check, so the answer is announced also the first time. */}
      <div role="status" data-testid="folder-check">
        {c && (
          <div className={`banner ${c.usable ? 'banner-info' : 'banner-error'}`}>
            {c.usable ? tt.usable : tt.reasons[c.reason as keyof typeof tt.reasons] ?? c.reason}
            {c.usable && c.empty && ` ${tt.usableEmpty}`}
            {c.hasTeam && ` ${fill(tt.hasTeam, { date: danishDateTime(c.teamCreated) })}`}
          </div>
        )}
      </div>
    </div>
  );
}
