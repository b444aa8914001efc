import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface Tab {
  id: string;
  label: string;
}

export interface TabsProps {
  tabs: Tab[];
  selected: string;
  onSelect(id: string): void;
  /** Names the tab list for screen readers. */
  label: string;
  /** Each tab's panel; kept mounted once shown (what is entered in the preview survives a tab change). */
  panels: Record<string, () => ComponentChildren>;
}

/**
 * A WAI-ARIA tab list: arrow keys, Home and End move between tabs (roving tabindex), the panel is
 * labelled by its tab and reachable with Tab.
 */
export function Tabs({ tabs, selected, onSelect, label, panels }: TabsProps) {
  const list = useRef<HTMLDivElement>(null);
  const shown = useRef(new Set<string>());
  shown.current.add(selected);
  const move = (event: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.id === selected);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    onSelect(tabs[next]!.id);
    list.current?.querySelector<HTMLElement>(`#tab-${tabs[next]!.id}`)?.focus();
  };
  return (
    <div class="pg-tabs">
      <div role="tablist" aria-label={label} ref={list} onKeyDown={move}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`panel-${tab.id}`}
          aria-labelledby={`tab-${tab.id}`}
          hidden={tab.id !== selected}
          class="pg-panel"
        >
          {shown.current.has(tab.id) ? panels[tab.id]?.() : null}
        </div>
      ))}
    </div>
  );
}
