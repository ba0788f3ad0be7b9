/**
 * What is on an image's filesystem that a student can run: which executables are on its $PATH, which
 * shell `sh` is, and the handful of files people `cat` in a pod. A command that is not in the image
 * fails as it does on a real node: at container start the runtime refuses it (`exec: "python3":
 * executable file not found in $PATH`), inside a script the shell says `sh: python3: not found` (127).
 *
 * The lists follow the images themselves: busybox has its applets and no bash or curl; Debian slim
 * images have coreutils and bash but no ps, ping, wget or nslookup; nginx's image adds curl; the full
 * `buildpack-deps` bases (python, node, perl) add curl, wget, git and procps; distroless images have
 * only their program.
 */
import type { ImageConfig, ImageFlavor, ProgramName } from './registry';

/** Which shell `sh` is: busybox ash (`sh: x: not found`), Debian's dash (`sh: 1: x: not found`), bash. */
export type ShellDialect = 'ash' | 'dash' | 'bash';

const BUSYBOX_APPLETS = `[ [[ addgroup adduser ar arp arping ash awk base64 basename bc blkid bunzip2 bzcat bzip2 cal cat chgrp
chmod chown chroot cksum clear cmp comm cp crond crontab cut date dc dd df diff dirname dmesg dnsdomainname du echo ed egrep env
expand expr false fdisk fgrep find fold free fsync ftpget ftpput getty grep groups gunzip gzip halt hd head hexdump hostid hostname
httpd hwclock id ifconfig init install ip ipcalc kill killall less link ln logger login logname ls lsof md5sum mkdir mkfifo mknod
mktemp more mount mv nc netstat nice nl nohup nproc nslookup od passwd paste patch pgrep pidof ping ping6 pkill poweroff printenv
printf ps pwd readlink realpath reboot renice reset rev rm rmdir route sed seq setsid sh sha1sum sha256sum sha512sum shuf sleep sort
split stat strings stty su sum sync sysctl tac tail tar tee telnet test time timeout top touch tr traceroute true truncate tty udhcpc
umount uname uniq unlink unzip uptime usleep uudecode uuencode vi watch wc wget which whoami xargs yes zcat`;

/** Alpine: busybox's applets (its wget, nslookup, ping ...) plus apk and musl's tools. */
const ALPINE_EXTRA = 'apk getconf getent iconv ldd scanelf ssl_client';

const COREUTILS = `[ arch b2sum base32 base64 basename cat chgrp chmod chown chroot cksum comm cp csplit cut date dd df dir
dircolors dirname du echo env expand expr factor false fmt fold groups head hostid id install join link ln logname ls md5sum mkdir
mkfifo mknod mktemp mv nice nl nohup nproc numfmt od paste pathchk pinky pr printenv printf ptx pwd readlink realpath rm rmdir
runcon seq sha1sum sha224sum sha256sum sha384sum sha512sum shred shuf sleep sort split stat stdbuf stty sum sync tac tail tee test
timeout touch tr true truncate tsort tty uname unexpand uniq unlink users vdir wc who whoami yes`;

/** A Debian/Ubuntu base: coreutils, bash, dash, grep, sed, gawk/mawk, findutils, tar, gzip, apt; no procps, iputils or dnsutils. */
const DEBIAN_BASE = `${COREUTILS} sh dash bash rbash grep egrep fgrep sed awk mawk find xargs tar gzip gunzip zcat hostname mount
umount su login getent ldd apt apt-get apt-cache dpkg dpkg-query which mountpoint more kill cmp diff diff3 touch tempfile savelog`;

/** Oracle Linux / Fedora minimal: coreutils, bash, microdnf. */
const FEDORA_BASE = `${COREUTILS} sh bash grep egrep fgrep sed awk gawk find xargs tar gzip gunzip zcat hostname mount umount su
getent ldd microdnf rpm which kill cmp diff`;

/** buildpack-deps (the full python, node and perl images): curl, wget, git, procps and more. */
const BUILDPACK_EXTRA = `curl wget git ssh scp gpg ps top free pgrep pkill uptime watch make gcc g++ cc patch unzip xz bzip2 file
less perl`;

const PROGRAM_BINARIES: Partial<Record<ProgramName, string>> = {
  nginx: 'nginx nginx-debug envsubst curl',
  httpd: 'httpd httpd-foreground apachectl ab htpasswd rotatelogs',
  redis: 'redis-server redis-cli redis-benchmark redis-check-aof redis-check-rdb redis-sentinel gosu docker-entrypoint.sh',
  mysql: 'mysqld mysql mysqladmin mysqldump mysqlsh gosu docker-entrypoint.sh',
  postgres: 'postgres psql pg_isready pg_ctl pg_dump initdb createdb gosu docker-entrypoint.sh',
  mongo: 'mongod mongos mongosh gosu docker-entrypoint.sh',
  rabbitmq: 'rabbitmq-server rabbitmqctl rabbitmq-diagnostics rabbitmq-plugins gosu docker-entrypoint.sh',
  wordpress: 'apache2 apache2-foreground apache2ctl php docker-entrypoint.sh curl',
  'php-apache': 'apache2 apache2-foreground apache2ctl php docker-php-entrypoint',
  python: 'python python3 pip pip3 pydoc3 idle3',
  node: 'node nodejs npm npx yarn corepack docker-entrypoint.sh',
  perl: 'perl cpan perldoc',
  bootcamp: 'node npm curl',
  agnhost: 'agnhost',
};

/** Images whose program sits on a richer base than the flavor says. */
const FULL_BASE_PROGRAMS = new Set<ProgramName>(['python', 'node', 'perl']);

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

const cache = new WeakMap<ImageConfig, ReadonlySet<string>>();

/** Executables on the image's $PATH (base names), plus the image's own ENTRYPOINT and CMD programs. */
export function imageBinaries(image: ImageConfig): ReadonlySet<string> {
  const hit = cache.get(image);
  if (hit) return hit;
  const set = new Set<string>();
  const add = (list: string) => {
    for (const w of words(list)) set.add(w);
  };
  switch (image.flavor) {
    case 'busybox':
      add(BUSYBOX_APPLETS);
      break;
    case 'alpine':
      add(BUSYBOX_APPLETS);
      add(ALPINE_EXTRA);
      break;
    case 'debian':
    case 'ubuntu':
      add(DEBIAN_BASE);
      break;
    case 'fedora':
      add(FEDORA_BASE);
      break;
    case 'distroless':
      break;
  }
  const extra = PROGRAM_BINARIES[image.program];
  if (extra) add(extra);
  // python:3-slim and the alpine variants are not on buildpack-deps; the full images are.
  if (FULL_BASE_PROGRAMS.has(image.program) && image.flavor === 'debian' && !image.slim) add(BUILDPACK_EXTRA);
  for (const w of [...image.entrypoint, ...image.cmd.slice(0, 1)]) {
    if (w.startsWith('-')) continue;
    set.add(basename(w));
  }
  for (const w of image.extraBinaries ?? []) set.add(w);
  cache.set(image, set);
  return set;
}

export function basename(path: string): string {
  return path.replace(/^.*\//, '');
}

/**
 * Whether `name` (a bare command or a path) runs in the image. Paths count by their last part, as the
 * image's programs live in the usual bin directories; a path ending in `/` never runs.
 */
export function imageHasBinary(image: ImageConfig, name: string): boolean {
  if (name === '' || name.endsWith('/')) return false;
  return imageBinaries(image).has(basename(name));
}

/** What `sh` is in this image. */
export function shellDialect(flavor: ImageFlavor): ShellDialect {
  if (flavor === 'busybox' || flavor === 'alpine') return 'ash';
  if (flavor === 'fedora') return 'bash';
  return 'dash';
}

/** The shell's complaint about a command it cannot find (exit status 127). */
export function commandNotFound(dialect: ShellDialect, shell: string, command: string): string {
  switch (dialect) {
    case 'ash':
      return `${shell}: ${command}: not found`;
    case 'dash':
      return `${shell}: 1: ${command}: not found`;
    case 'bash':
      return `${shell}: line 1: ${command}: command not found`;
  }
}

/** nginx's default page (/usr/share/nginx/html/index.html), byte for byte. */
export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** Apache httpd's default page (htdocs/index.html). */
export const HTTPD_IT_WORKS = '<html><body><h1>It works!</h1></body></html>';

/** Files a program's image ships that people read (the web roots). */
export function imageFile(image: ImageConfig, path: string): string | undefined {
  if (image.program === 'nginx' && (path === '/usr/share/nginx/html/index.html' || path === '/usr/share/nginx/html/')) return NGINX_WELCOME;
  if (image.program === 'httpd' && path === '/usr/local/apache2/htdocs/index.html') return HTTPD_IT_WORKS;
  if (path === '/etc/os-release') return osRelease(image.flavor);
  return undefined;
}

function osRelease(flavor: ImageFlavor): string | undefined {
  switch (flavor) {
    case 'debian':
      return 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian';
    case 'ubuntu':
      return 'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.1 LTS (Noble Numbat)"\nID=ubuntu\nID_LIKE=debian';
    case 'alpine':
      return 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.2\nPRETTY_NAME="Alpine Linux v3.21"';
    case 'fedora':
      return 'NAME="Oracle Linux Server"\nVERSION="9.5"\nID="ol"\nPRETTY_NAME="Oracle Linux Server 9.5"';
    default:
      return undefined;
  }
}

/** The top of the image's filesystem, as `ls /` lists it. */
export function rootEntries(image: ImageConfig): string[] {
  switch (image.flavor) {
    case 'busybox':
      return ['bin', 'dev', 'etc', 'home', 'lib', 'lib64', 'proc', 'root', 'sys', 'tmp', 'usr', 'var'];
    case 'alpine':
      return ['bin', 'dev', 'etc', 'home', 'lib', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'];
    case 'distroless':
      return ['bin', 'dev', 'etc', 'home', 'lib', 'proc', 'root', 'run', 'sbin', 'sys', 'tmp', 'usr', 'var'];
    default: {
      const own = image.program === 'nginx' ? ['docker-entrypoint.d', 'docker-entrypoint.sh'] : [];
      return ['bin', 'boot', 'dev', ...own, 'etc', 'home', 'lib', 'lib64', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'].sort();
    }
  }
}

/** Directories of the image's own program people list (the web roots). */
export function imageDir(image: ImageConfig, path: string): string[] | undefined {
  const p = path.replace(/\/$/, '') || '/';
  if (p === '/') return rootEntries(image);
  if (image.program === 'nginx' && p === '/usr/share/nginx/html') return ['50x.html', 'index.html'];
  if (image.program === 'httpd' && p === '/usr/local/apache2/htdocs') return ['index.html'];
  if (p === '/etc') return ['group', 'hostname', 'hosts', 'os-release', 'passwd', 'resolv.conf', 'shadow'];
  // The other top-level directories exist; what is in them is not modelled.
  if (rootEntries(image).includes(p.slice(1))) return [];
  return undefined;
}
