import { Popover, theme } from 'antd';
import { type KeyboardEvent, type ReactElement, type ReactNode, useRef, useState } from 'react';

export type ActionMenuEntry =
  | { key: string; label: ReactNode; icon?: ReactNode; danger?: boolean; onSelect: () => void }
  | { key: string; divider: true }
  | { key: string; heading: ReactNode };

/**
 * A menu button of the header (organisation, role, account): a popover holding a WAI-ARIA menu. Items with
 * `checked` are radio items (the active organisation or role). Arrow keys move between items, Escape closes and
 * gives focus back to the button. The header's menus use this instead of antd's Dropdown, which brings the whole
 * Menu component into every signed-in first page.
 */
export function ActionMenu({
  entries,
  checked,
  label,
  placement = 'bottomLeft',
  children,
}: {
  entries: readonly ActionMenuEntry[];
  /** key of the checked radio item; when given, items are menuitemradio */
  checked?: string | null;
  /** accessible name of the menu */
  label: string;
  placement?: 'bottomLeft' | 'bottomRight';
  children: ReactElement;
}) {
  const [open, setOpen] = useState(false);
  const list = useRef<HTMLDivElement>(null);
  const { token } = theme.useToken();
  const items = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('[data-menu-item]') ?? [])];

  const onKeyDown = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => {
      event.preventDefault();
      all[(to + all.length) % all.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') setOpen(false);
  };

  const content = (
    <div
      ref={list}
      role="menu"
      aria-label={label}
      tabIndex={-1}
      className="zh-action-menu"
      onKeyDown={onKeyDown}
      style={{ minWidth: 180, ['--zh-primary' as string]: token.colorPrimary }}
    >
      {entries.map((entry) => {
        if ('divider' in entry) return <hr key={entry.key} className="zh-action-menu-divider" />;
        if ('heading' in entry) {
          return (
            <div key={entry.key} role="presentation" className="zh-action-menu-heading">
              {entry.heading}
            </div>
          );
        }
        const select = () => {
          setOpen(false);
          entry.onSelect();
        };
        const inner = (
          <>
            {entry.icon ? <span aria-hidden="true">{entry.icon}</span> : null}
            <span>{entry.label}</span>
          </>
        );
        const className = entry.danger ? 'zh-action-menu-item zh-danger' : 'zh-action-menu-item';
        return checked === undefined ? (
          <button key={entry.key} type="button" data-menu-item role="menuitem" className={className} onClick={select}>
            {inner}
          </button>
        ) : (
          <button
            key={entry.key}
            type="button"
            data-menu-item
            role="menuitemradio"
            aria-checked={entry.key === checked}
            className={className}
            onClick={select}
          >
            {inner}
          </button>
        );
      })}
    </div>
  );

  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      content={content}
      placement={placement}
      arrow={false}
      styles={{ container: { padding: 4 } }}
      afterOpenChange={(visible) => {
        if (visible)
          ((list.current?.querySelector('[aria-checked="true"]') as HTMLElement | null) ?? items()[0])?.focus();
      }}
    >
      {children}
    </Popover>
  );
}
