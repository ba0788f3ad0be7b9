/**
 * UI strings that only the lazily loaded editor uses, added to i18next when the editor loads (deep
 * merge into the `editor` section of src/i18n; existing keys win).
 */
import i18next from 'i18next';

const en = {
  editor: {
    monacoLanguage: { en: 'English', ko: 'Korean' },
    monacoStale: "The editor's own menus (right-click, Find) stay in {{language}} until the page is reloaded: Monaco picks its language once, when it loads. A reload keeps your files; the cluster starts over.",
    reload: 'Reload',
  },
};

const ko: typeof en = {
  editor: {
    monacoLanguage: { en: '영어', ko: '한국어' },
    monacoStale: '편집기 자체 메뉴(오른쪽 클릭, 찾기 등)는 페이지를 새로 고칠 때까지 {{language}}로 나옵니다. Monaco는 처음 불러올 때 언어를 정하기 때문입니다. 새로 고쳐도 열린 파일은 남고, 클러스터는 처음부터 다시 시작합니다.',
    reload: '새로 고침',
  },
};

export function addEditorMessages(): void {
  i18next.addResourceBundle('en', 'translation', en, true, false);
  i18next.addResourceBundle('ko', 'translation', ko, true, false);
}
