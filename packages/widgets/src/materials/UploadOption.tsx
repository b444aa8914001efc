import type { Lang } from '@onething/engine/runtime';
import { t } from '../i18n/messages.js';
import { ProblemAlert } from './ProblemAlert.js';
import type { FileInfo, Problem } from './types.js';

export interface UploadOptionProps {
  /** The card's id; the file input is `<id>-file`. */
  id: string;
  lang: Lang;
  accept?: string[];
  maxSizeMB?: number;
  problem?: Problem;
  /** The chosen files' descriptions (never their contents). */
  onFiles(files: FileInfo[]): void;
}

/** A file input for a material, with its accepted types and size limit spelled out. */
export function UploadOption({ id, lang, accept, maxSizeMB, problem, onFiles }: UploadOptionProps) {
  const inputId = `${id}-file`;
  const hintId = `${id}-file-hint`;
  const errorId = `${id}-problem`;
  const hints = [
    accept && accept.length > 0 ? t(lang, 'uploadTypes', { types: accept.join(', ') }) : '',
    maxSizeMB !== undefined ? t(lang, 'uploadMaxSize', { size: maxSizeMB }) : '',
  ].filter(Boolean);
  const describedBy = [hints.length > 0 ? hintId : '', problem ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div class="ot-material-way ot-material-upload">
      <label class="ot-label" for={inputId}>
        {t(lang, 'uploadLabel')}
      </label>
      <input
        class="ot-file"
        type="file"
        id={inputId}
        multiple
        accept={accept && accept.length > 0 ? accept.join(',') : undefined}
        aria-describedby={describedBy || undefined}
        aria-invalid={problem ? 'true' : undefined}
        onChange={(event) => onFiles(filesOf(event.currentTarget.files))}
      />
      {hints.length > 0 ? (
        <p class="ot-help" id={hintId}>
          {hints.join(t(lang, 'separator'))}
        </p>
      ) : null}
      <ProblemAlert id={errorId} lang={lang} problem={problem} />
    </div>
  );
}

function filesOf(list: FileList | null): FileInfo[] {
  return Array.from(list ?? [], (file) => ({ name: file.name, size: file.size, type: file.type }));
}
