/** The header's scenario menu: a disclosure button listing every concept scenario by its address. */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONCEPT_META, SCENARIO_MENU } from '../../engine/concepts/catalog';
import { useRouteStore } from '../../store/routeStore';
import { formatRoute } from '../routing/route';
import { loadScenarioTexts } from './loadScenarioTexts';
import './menu.css';

/** The cluster presets the menu offers (`#/presets/<id>`). */
const PRESET_MENU = [
  { id: 'default', icon: '▦', label: 'bigCluster.presetDefault' },
  { id: 'big-cluster', icon: '▩', label: 'bigCluster.presetBig' },
] as const;

export function ScenarioMenu() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // The scenarios' titles come with their texts (their own chunk): the list shows once they are there.
  const [textsReady, setTextsReady] = useState(false);
  const loadTexts = () => void loadScenarioTexts().then(() => setTextsReady(true));
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const route = useRouteStore((s) => s.route);
  const current = route.page === 'scenario' ? route.id : undefined;
  const currentPreset = route.page === 'preset' ? route.id : undefined;
  useEffect(() => setOpen(false), [route]);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div className="scenario-menu" ref={root}>
      <button type="button" className="btn btn-quiet" aria-expanded={open} aria-controls={menuId} onPointerEnter={loadTexts} onFocus={loadTexts} onClick={() => {
          loadTexts();
          setOpen((o) => !o);
        }}>
        {t('concepts.menu')} ▾
      </button>
      {open && textsReady ? (
        <ul className="scenario-menu-list" id={menuId}>
          {SCENARIO_MENU.map((id) => (
            <li key={id}>
              <a href={formatRoute({ page: 'scenario', id })} aria-current={current === id ? 'page' : undefined}>
                <span aria-hidden="true">{CONCEPT_META[id].icon}</span> {t(`concepts.scenarios.${id}.title`)}
              </a>
            </li>
          ))}
          <li className="scenario-menu-all">
            <a href={formatRoute({ page: 'scenarios' })}>{t('concepts.menuAll')}</a>
          </li>
          <li className="scenario-menu-group" role="presentation">
            {t('bigCluster.presets')}
          </li>
          {PRESET_MENU.map(({ id, icon, label }) => (
            <li key={id}>
              <a href={formatRoute({ page: 'preset', id })} aria-current={currentPreset === id ? 'page' : undefined}>
                <span aria-hidden="true">{icon}</span> {t(label)}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
