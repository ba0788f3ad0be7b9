import { useTranslation } from 'react-i18next';
import { useDismissableMenu } from '../menus/useDismissableMenu';
import { useFaultStore, type FaultSubject } from '../../store/faultStore';
import { menuItems } from './catalogue';
import { optionFields } from './faultOptions';
import { sendFault } from './sendFault';

function subjectName(s: FaultSubject): string {
  return s.name;
}

/** The canvas's right-click menu: the faults that apply to the object under the pointer. */
export function FaultContextMenu() {
  const { t } = useTranslation();
  const menu = useFaultStore((s) => s.menu);
  const status = useFaultStore((s) => s.status);
  const close = useFaultStore((s) => s.closeMenu);
  const ref = useDismissableMenu(menu !== undefined, close);
  if (!menu) return null;
  const name = subjectName(menu.subject);
  const items = menuItems(menu.subject, status);
  return (
    <div ref={ref} className="fault-menu" role="menu" aria-label={t('faults.menu.label', { name })} style={{ left: menu.x, top: menu.y }} data-testid="fault-menu">
      <div className="fault-menu-title">{name}</div>
      {items.map((item) => (
        <div key={`${item.fault}|${item.labelKey}`} className="fault-menu-row">
          <button
            type="button"
            role="menuitem"
            className="fault-menu-item"
            onClick={() => {
              close();
              void sendFault(item);
              useFaultStore.getState().togglePanel(true);
            }}
          >
            {t(`faults.menu.${item.labelKey}`, { name })}
          </button>
          {optionFields(item.fault).length > 0 ? (
            <button
              type="button"
              role="menuitem"
              className="fault-menu-more"
              title={t('faults.more')}
              aria-label={`${t(`faults.menu.${item.labelKey}`, { name })}: ${t('faults.more')}`}
              onClick={() => useFaultStore.getState().openPanelWith(item.fault, item.target)}
            >
              {t('faults.moreShort')}
            </button>
          ) : null}
        </div>
      ))}
    </div>
  );
}

/** Right-click handler for a canvas object: opens the fault menu at the pointer. */
export function openFaultMenu(e: { preventDefault(): void; stopPropagation(): void; clientX: number; clientY: number }, subject: FaultSubject): void {
  e.preventDefault();
  e.stopPropagation();
  useFaultStore.getState().openMenu({ x: e.clientX, y: e.clientY, subject });
}
