/**
 * The Share dialog's and the link opener's words. Not on the first screen: added to i18next under `share`
 * when the dialog or the opener loads (addShareDialogTexts), beside the button's words in messages.ts.
 */
import i18next from 'i18next';

export const shareDialogEn = {
  title: 'Share this cluster',
  intro: 'Whoever opens this link gets a copy of this cluster as it is now ({{time}} on its clock, paused), {{files}} and {{place}}. Nothing is uploaded: everything travels inside the link.',
  placeLesson: 'the lesson “{{name}}”',
  placeScenario: 'the scenario “{{name}}”',
  placeLessonAndScenario: 'the lesson “{{lesson}}” beside the scenario “{{scenario}}”',
  placeCluster: 'the cluster page',
  field: 'Share link',
  length: '{{count}} characters',
  copy: 'Copy',
  copied: 'Copied to the clipboard.',
  copyByHand: 'The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
  close: 'Close',
  making: 'Making the link…',
  tooLarge: 'This cluster is too large to fit in a link ({{detail}}). Sharing fewer or smaller files, or pressing Reset and rebuilding a shorter history, makes it fit.',
  notRunning: 'The simulation is not answering right now, so there is nothing to share yet. Try again in a moment.',
  open: {
    reading: 'Opening the shared cluster…',
    askTitle: 'Open the shared cluster?',
    askBody: 'This link holds a cluster at {{time}} on its clock, {{files}} and {{place}}.',
    askReplace: 'Opening it replaces the cluster and the editor files you have in this browser now. They are not kept: to keep them, choose “Keep mine” and export or share them first.',
    accept: 'Open shared cluster',
    keep: 'Keep mine',
    opened: 'Opened from a share link: the cluster is paused at the moment it was shared ({{time}}). Press Play to let it run.',
    dismiss: 'Dismiss',
    refusedTitle: 'This share link cannot be opened',
    refused: {
      malformed: 'It is not a share link of this playground, or it was changed by hand.',
      truncated: 'It is incomplete: the end of the link is missing (it was probably cut when it was copied). Ask for the whole link.',
      damaged: 'It was damaged on the way: part of it changed, so it no longer matches what was shared. Ask for the link again.',
      'too-large': 'It is larger than this playground accepts from a link.',
      'too-new': 'It was made by a newer version of the playground. Reload this page to get the newest version, then open the link again.',
      invalid: 'Its content is not a valid shared cluster.',
    },
    refusedDetail: 'Details: {{detail}}',
    untouched: 'Your own cluster and files were not changed.',
    ok: 'OK',
  },
  files_one: '{{count}} editor file',
  files_other: '{{count}} editor files',
  filesMine_one: 'your editor file',
  filesMine_other: 'your {{count}} editor files',
  noFiles: 'no editor files',
};

export type ShareDialogMessages = typeof shareDialogEn;

export const shareDialogKo: ShareDialogMessages = {
  title: '이 클러스터 공유하기',
  intro: '이 링크를 열면 다음을 그대로 받습니다. 지금 이 클러스터의 복사본(시계 {{time}}, 일시 정지 상태), {{files}}, {{place}}. 어디에도 올리지 않으며 모든 내용이 링크 안에 들어 있습니다.',
  placeLesson: '강의 “{{name}}”',
  placeScenario: '시나리오 “{{name}}”',
  placeLessonAndScenario: '강의 “{{lesson}}”(시나리오 “{{scenario}}” 화면과 함께)',
  placeCluster: '클러스터 화면',
  field: '공유 링크',
  length: '{{count}}자',
  copy: '복사',
  copied: '클립보드에 복사했습니다.',
  copyByHand: '링크를 선택해 두었습니다. Ctrl+C(Mac은 ⌘C)를 눌러 복사하세요.',
  close: '닫기',
  making: '링크를 만드는 중…',
  tooLarge: '이 클러스터는 링크 하나에 담기에 너무 큽니다({{detail}}). 파일을 줄이거나 작게 하거나, 초기화한 뒤 더 짧은 기록으로 다시 만들면 담을 수 있습니다.',
  notRunning: '지금은 시뮬레이션이 응답하지 않아 공유할 내용이 없습니다. 잠시 후 다시 시도하세요.',
  open: {
    reading: '공유된 클러스터를 여는 중…',
    askTitle: '공유된 클러스터를 열까요?',
    askBody: '이 링크에 담긴 것: 시계가 {{time}}인 클러스터, {{files}}, {{place}}.',
    askReplace: '열면 지금 이 브라우저에 있는 클러스터와 편집기 파일이 바뀝니다. 기존 것은 남지 않으니, 간직하려면 “내 것 유지”를 고른 뒤 먼저 내보내거나 공유해 두세요.',
    accept: '공유된 클러스터 열기',
    keep: '내 것 유지',
    opened: '공유 링크로 열었습니다. 클러스터는 공유된 순간({{time}})에서 일시 정지해 있습니다. 재생을 누르면 다시 흘러갑니다.',
    dismiss: '닫기',
    refusedTitle: '이 공유 링크를 열 수 없습니다',
    refused: {
      malformed: '이 플레이그라운드의 공유 링크가 아니거나, 누군가 직접 고친 링크입니다.',
      truncated: '링크가 끝까지 오지 않았습니다. 복사하다가 뒷부분이 잘린 것 같습니다. 전체 링크를 다시 받아 주세요.',
      damaged: '전달되는 사이에 링크 일부가 바뀌어 공유된 내용과 맞지 않습니다. 링크를 다시 받아 주세요.',
      'too-large': '이 플레이그라운드가 링크로 받을 수 있는 크기를 넘습니다.',
      'too-new': '더 새로운 버전의 플레이그라운드에서 만든 링크입니다. 이 페이지를 새로고침해 최신 버전을 받은 뒤 다시 열어 보세요.',
      invalid: '링크 내용이 올바른 공유 클러스터 형식이 아닙니다.',
    },
    refusedDetail: '자세히: {{detail}}',
    untouched: '내 클러스터와 파일은 바뀌지 않았습니다.',
    ok: '확인',
  },
  files_one: '편집기 파일 {{count}}개',
  files_other: '편집기 파일 {{count}}개',
  filesMine_one: '내 편집기 파일',
  filesMine_other: '내 편집기 파일 {{count}}개',
  noFiles: '편집기 파일 없음',
};

let added = false;

export function addShareDialogTexts(): void {
  if (added) return;
  added = true;
  i18next.addResourceBundle('en', 'translation', { share: shareDialogEn }, true, false);
  i18next.addResourceBundle('ko', 'translation', { share: shareDialogKo }, true, false);
}
