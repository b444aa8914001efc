import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ControlProps } from './types.js';
import type { RegionNode, RegionTree } from './parseRegionData.js';
import { TextInput } from './TextInput.js';
import { controlAttributes } from './controlAttributes.js';
import { groupBlurHandler } from './groupBlurHandler.js';
import { loadRegionData } from './loadRegionData.js';
import { regionDataUrl } from './regionDataUrl.js';
import { regionPath } from './regionPath.js';
import { t, type MessageKey } from '../i18n/messages.js';

/** Options of {@link createRegionControl}. */
export interface RegionControlOptions {
  /**
   * URL of `regions.json` (resolved against the page). Default: the `region-data` attribute of the
   * form element, else `data/regions.json` next to the widgets' `dist/`.
   */
  dataUrl?: string | URL;
}

type RegionData =
  { status: 'loading' } | { status: 'ready'; tree: RegionTree } | { status: 'error'; reason: string };

/**
 * A region cascader control (`cn-region-code`, GB/T 2260) that loads its data from `options.dataUrl`.
 * Register it to serve the data from elsewhere:
 *
 * @example
 * createControlRegistry(defaultControls).with(regionControlEntry({ dataUrl: '/static/regions.json' }));
 */
export function createRegionControl(options: RegionControlOptions = {}): ComponentType<ControlProps> {
  return function RegionCascader(props: ControlProps) {
    const group = useRef<HTMLDivElement>(null);
    const [data, setData] = useState<RegionData>({ status: 'loading' });
    useEffect(() => {
      let live = true;
      loadRegionData(regionDataUrl(group.current!, options.dataUrl)).then(
        (tree) => live && setData({ status: 'ready', tree }),
        (error: unknown) =>
          live &&
          setData({ status: 'error', reason: error instanceof Error ? error.message : String(error) }),
      );
      return () => {
        live = false;
      };
    }, []);
    return (
      <div
        ref={group}
        class="ot-region"
        role="group"
        aria-labelledby={`${props.id}-label`}
        onFocusOut={groupBlurHandler(props.onBlur)}
      >
        {data.status === 'error' ? <RegionCodeFallback props={props} reason={data.reason} /> : null}
        {data.status !== 'error' ? (
          <RegionSelects props={props} tree={data.status === 'ready' ? data.tree : undefined} />
        ) : null}
      </div>
    );
  };
}

/**
 * The region control with the default data location: three linked drop-downs (省 → 市 → 区县) whose
 * value is the code of the deepest level chosen. The data is fetched when the first region control
 * renders, never with the form's script; until it arrives the value is kept as it is, and if it cannot
 * be loaded the applicant types the 6-digit code.
 */
export const RegionControl = createRegionControl();

const LEVELS = [
  { key: 'province', label: 'regionProvince' },
  { key: 'prefecture', label: 'regionPrefecture' },
  { key: 'county', label: 'regionCounty' },
] as const satisfies ReadonlyArray<{ key: string; label: MessageKey }>;

function RegionSelects({ props, tree }: { props: ControlProps; tree: RegionTree | undefined }) {
  const { field, lang, id, onChange } = props;
  const path = tree ? regionPath(tree, field.value) : { unknown: false };
  const unknownId = `${id}-unknown`;
  const attributes = controlAttributes({
    ...props,
    describedBy: [props.describedBy, path.unknown ? unknownId : ''].filter(Boolean).join(' '),
  });
  // Each level: its choices, the chosen one, and the value when "请选择" is taken (the level above).
  const levels: Array<{ choices: RegionNode[]; chosen?: RegionNode; cleared: string | undefined }> = [
    { choices: tree?.provinces ?? [], chosen: path.province, cleared: undefined },
    { choices: path.province?.children ?? [], chosen: path.prefecture, cleared: path.province?.code },
    { choices: path.prefecture?.children ?? [], chosen: path.county, cleared: path.prefecture?.code },
  ];
  return (
    <>
      <div class="ot-region-levels">
        {LEVELS.map(({ key, label }, index) => {
          const level = levels[index]!;
          const selectId = index === 0 ? id : `${id}-${key}`;
          return (
            <div class="ot-region-level" key={key}>
              <label class="ot-region-label" id={`${id}-${key}-label`} for={selectId}>
                {t(lang, label)}
              </label>
              <select
                {...attributes}
                id={selectId}
                class="ot-select"
                data-region-level={key}
                aria-labelledby={`${id}-label ${id}-${key}-label`}
                value={level.chosen?.code ?? ''}
                disabled={field.readOnly || level.choices.length === 0}
                onChange={(e) => onChange(e.currentTarget.value || level.cleared)}
              >
                <option value="">{tree ? t(lang, 'choose') : t(lang, 'loading')}</option>
                {level.choices.map((node) => (
                  <option key={node.code} value={node.code}>
                    {node.name}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      {tree ? null : (
        <p class="ot-help" role="status">
          {t(lang, 'regionLoading')}
        </p>
      )}
      {path.unknown ? (
        <p class="ot-help" id={unknownId}>
          {t(lang, 'regionUnknown', { code: String(field.value) })}
        </p>
      ) : null}
    </>
  );
}

/** When the data cannot be loaded: the reason, and the 6-digit code typed by hand (the value is kept). */
function RegionCodeFallback({ props, reason }: { props: ControlProps; reason: string }) {
  return (
    <>
      <p class="ot-error ot-region-error" role="alert">
        {t(props.lang, 'regionLoadFailed', { reason })}
      </p>
      <TextInput
        props={props}
        options={{
          class: 'ot-region-code',
          inputMode: 'numeric',
          maxLength: 6,
          autoComplete: 'off',
          pattern: '[0-9]{6}',
          placeholder: t(props.lang, 'regionHint'),
          normalize: (text) => text.replace(/\s+/g, ''),
        }}
      />
    </>
  );
}
