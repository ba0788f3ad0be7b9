/** The console's strings for a shell inside a container (`kubectl exec -it POD -- sh`), merged into en.ts / ko.ts as `shell`. */
export const shellEn = {
  input: 'Command in the container',
  placeholder: 'Inside the container now. "exit" or Ctrl+C to leave.',
};

export const shellKo: Record<keyof typeof shellEn, string> = {
  input: '컨테이너 안에서 실행할 명령',
  placeholder: '지금은 컨테이너 안입니다. 나가려면 exit 또는 Ctrl+C',
};
