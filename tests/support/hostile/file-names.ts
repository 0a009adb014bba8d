/**
 * Hostile file names as a phone or a crafted post may send them: Windows device names, hidden
 * names, path tricks, bidi overrides, names far past any file system's limit, and bytes no name
 * may hold. The last group cannot even be sent through FormData: requests.ts writes them raw.
 */

const ch = (code: number) => String.fromCodePoint(code);

export function hostileFileNames(): string[] {
  const devices = ['CON', 'nul', 'Com1', 'LPT9', 'aux', 'PRN', 'CON ', 'com¹'].map((stem) => `${stem}.jpg`);
  const hidden = ['.htaccess.jpg', '.jpg', '...jpg', ' .jpg'];
  const paths = ['../../etc/passwd.jpg', '..\\..\\windows\\win.ini.jpg', '/absolute/path.jpg', 'C:\\Users\\a.jpg', 'a/b/c.jpg'];
  const tricks = [
    `报告${ch(0x202e)}gpj.exe`,
    `${ch(0x200b)}${ch(0xfeff)}.jpg`,
    'photo.jpg.exe',
    'photo.jpg...',
    'a:b*c?d"e<f>g|h.jpg',
    `${'长'.repeat(364)}.jpg`,
    `${'a'.repeat(300)}.jpg`,
    `学习👨‍👩‍👧‍👦𠮷.jpg`,
    '<script>alert(1)</script>.jpg',
    '%00.jpg',
    'image.php%00.jpg',
  ];
  return [...devices, ...hidden, ...paths, ...tricks];
}

/** Names carrying bytes a multipart header cannot hold; they must cost only their own file. */
export const unsendableFileNames = (): string[] => [`a${ch(0)}b.jpg`, 'a\r\nContent-Type: text/html\r\n\r\nb.jpg', 'a\rb.jpg', 'a\nb.jpg'];
