import {
  localize,
  type Bundle,
  type ItemFlowState,
  type Lang,
  type WorkCalendar,
} from '@onething/engine/runtime';
import type { ComponentChildren } from 'preact';
import { t } from '../i18n/messages.js';
import { ts } from '../i18n/statusMessages.js';
import { departmentName, itemName, materialName } from './bundleNames.js';
import { deadlineOf, deadlineText } from './deadlineOf.js';
import { itemStatusText, itemTone } from './itemStatusText.js';
import { safeHttpUrl } from './safeHttpUrl.js';
import { verificationText } from './verificationText.js';

export interface ItemStatusEntryProps {
  id: string;
  item: ItemFlowState;
  bundle: Bundle | undefined;
  lang: Lang;
  today: string;
  calendar: WorkCalendar;
  /** Base for relative licence URLs; without it only absolute http(s) URLs become links. */
  baseUrl?: string | undefined;
}

/** One applicable item of an application: status, receipt, countdown, 容缺, 核查, licence, reasons. */
export function ItemStatusEntry({ id, item, bundle, lang, today, calendar, baseUrl }: ItemStatusEntryProps) {
  const tone = itemTone(item.status);
  const department = departmentName(bundle, id, lang);
  const deadline = deadlineOf(item.clock, today, calendar);
  const outstanding = item.outstanding ?? [];
  const verifications = item.verifications ?? [];
  const reasons = (item.reasons ?? []).map((reason) => localize(reason, lang)).filter(Boolean);
  const separator = t(lang, 'separator');
  const materials = outstanding.map((material) => materialName(bundle, material, lang)).join(separator);
  return (
    <li class={`ot-status-item ot-tone--${tone}`} data-status={item.status}>
      <h3 class="ot-status-name">{itemName(bundle, id, lang)}</h3>
      <dl class="ot-status-facts">
        {department ? <Fact label={ts(lang, 'itemDepartment')}>{department}</Fact> : null}
        <Fact label={ts(lang, 'itemStatus')}>
          <span class="ot-status-badge">{itemStatusText(item, lang)}</span>
        </Fact>
        {item.receiptNo ? <Fact label={ts(lang, 'itemReceipt')}>{item.receiptNo}</Fact> : null}
        {deadline ? (
          <Fact label={ts(lang, 'itemDeadline')}>
            <span class={deadline.kind === 'overdue' ? 'ot-status-overdue' : undefined}>
              {deadlineText(deadline, lang)}
            </span>
          </Fact>
        ) : null}
        {outstanding.length > 0 ? (
          <Fact label={ts(lang, 'itemSupply')}>
            {item.supplyDue
              ? ts(lang, 'supplyBy', { date: item.supplyDue, materials })
              : ts(lang, 'supplyPending', { materials })}
            {item.graceDue ? (
              <span class="ot-status-note">
                {separator}
                {ts(lang, 'supplyGrace', { date: item.graceDue })}
              </span>
            ) : null}
          </Fact>
        ) : null}
        {verifications.length > 0 ? (
          <Fact label={ts(lang, 'itemVerifications')}>
            <ul class="ot-status-sublist">
              {verifications.map((verification) => (
                <li key={verification.material} class={`ot-verification--${verification.status}`}>
                  {ts(lang, 'labelValue', {
                    label: materialName(bundle, verification.material, lang),
                    value: verificationText(verification, lang),
                  })}
                </li>
              ))}
            </ul>
          </Fact>
        ) : null}
        {item.licence ? (
          <Fact label={ts(lang, 'itemLicence')}>
            <LicenceText item={item} id={id} bundle={bundle} lang={lang} baseUrl={baseUrl} />
          </Fact>
        ) : null}
        {reasons.length > 0 ? (
          <Fact label={ts(lang, 'itemReasons')}>
            <ul class="ot-status-sublist">
              {reasons.map((reason, index) => (
                <li key={index}>{reason}</li>
              ))}
            </ul>
          </Fact>
        ) : null}
      </dl>
    </li>
  );
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="ot-status-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function LicenceText({
  item,
  id,
  bundle,
  lang,
  baseUrl,
}: Pick<ItemStatusEntryProps, 'item' | 'id' | 'bundle' | 'lang' | 'baseUrl'>) {
  const licence = item.licence!;
  const resultName = bundle?.items.find((candidate) => candidate.id === id)?.result?.name;
  const name = localize(licence.name ?? resultName, lang);
  // Only an http(s) URL becomes a link; anything else (javascript:, data:) is not shown at all.
  const href = licence.electronic ? safeHttpUrl(licence.url, baseUrl) : undefined;
  return (
    <>
      {name ? `${name} ` : null}
      {licence.no ? ts(lang, 'licenceNo', { no: licence.no }) : null}
      {licence.electronic ? <span class="ot-status-note">{ts(lang, 'licenceElectronic')}</span> : null}
      {href ? (
        <>
          {' '}
          <a class="ot-status-link" href={href} target="_blank" rel="noopener noreferrer">
            {ts(lang, 'licenceView')}
          </a>
        </>
      ) : null}
    </>
  );
}
