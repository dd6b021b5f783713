/**
 * Every way a backup command refuses, with the message in both languages. The commands run on an operator's
 * terminal, not over HTTP, so these are not DomainErrors and have no HTTP mapping.
 */
export const BACKUP_ERRORS = {
  /** no BACKUP_KEY in the environment */
  BACKUP_KEY_MISSING: {
    'zh-CN': '未设置 BACKUP_KEY：备份需要一个 32 字节的密钥（base64 或 64 位十六进制）',
    en: 'BACKUP_KEY is not set: backups need a 32-byte key (base64, or 64 hex digits)',
  },
  /** BACKUP_KEY is not 32 bytes in base64 or hex, or BACKUP_KEY_VERSION is not a version number */
  BACKUP_KEY_INVALID: {
    'zh-CN': 'BACKUP_KEY 无效：{detail}；需要 32 字节（base64 或 64 位十六进制）',
    en: 'BACKUP_KEY is invalid: {detail}; it must be 32 bytes (base64, or 64 hex digits)',
  },
  /** the file was encrypted under another key than the one given */
  BACKUP_KEY_MISMATCH: {
    'zh-CN': '备份文件由另一个密钥加密（密钥版本 {fileVersion}），与当前 BACKUP_KEY（版本 {keyVersion}）不符',
    en: 'the backup was encrypted under another key (key version {fileVersion}) than this BACKUP_KEY (version {keyVersion})',
  },
  /** the file does not start with the backup header */
  BACKUP_NOT_A_BACKUP: {
    'zh-CN': '不是筑合备份文件（文件头不符）',
    en: 'not a ZhuHe backup file (wrong header)',
  },
  /** a record failed GCM authentication: changed, reordered or written under a forged header */
  BACKUP_TAMPERED: {
    'zh-CN': '备份文件已被篡改或损坏：第 {record} 段校验失败，拒绝恢复',
    en: 'the backup file was altered or is corrupt: record {record} failed authentication; refusing to restore',
  },
  /** the file ends before its final record */
  BACKUP_TRUNCATED: {
    'zh-CN': '备份文件不完整（在最后一段之前结束），拒绝恢复',
    en: 'the backup file is truncated (it ends before its final record); refusing to restore',
  },
  /** pg_dump, pg_restore or the database refused */
  BACKUP_TOOL_FAILED: {
    'zh-CN': '{tool} 失败：{detail}',
    en: '{tool} failed: {detail}',
  },
  /** nothing to restore */
  BACKUP_NONE_FOUND: {
    'zh-CN': '在 {dir} 中没有找到备份文件',
    en: 'no backup file found in {dir}',
  },
  /** no DATABASE_URL and no PGlite data directory where DATA_DIR points */
  BACKUP_NO_DATABASE: {
    'zh-CN': '没有可备份的数据库：未设置 DATABASE_URL，且 {dir} 中没有 PGlite 数据',
    en: 'no database to back up: DATABASE_URL is not set and there is no PGlite data in {dir}',
  },
  /** a rehearsal of a PostgreSQL backup needs a server to restore onto */
  BACKUP_NO_SERVER: {
    'zh-CN': '恢复演练需要 DATABASE_URL：PostgreSQL 备份会恢复到该服务器上新建的临时数据库',
    en: 'the rehearsal needs DATABASE_URL: a PostgreSQL backup is restored into a new scratch database on that server',
  },
  /** a retention setting is not a whole number in range */
  BACKUP_RETENTION_INVALID: {
    'zh-CN': '保留策略无效：{detail}',
    en: 'invalid retention policy: {detail}',
  },
  /** the WAL commands run from PostgreSQL's data directory, where a relative default would point inside it */
  BACKUP_DIR_MISSING: {
    'zh-CN': '未设置 BACKUP_DIR：WAL 归档与取回需要备份目录的绝对路径',
    en: 'BACKUP_DIR is not set: archiving and fetching WAL needs the absolute path of the backup directory',
  },
  /** an argument that is not the name of a WAL, backup history or timeline history file */
  BACKUP_WAL_NAME_INVALID: {
    'zh-CN': '不是 WAL 文件名：{name}',
    en: 'not a WAL file name: {name}',
  },
  /** the archive already holds a different file under this name: never overwritten */
  BACKUP_WAL_CONFLICT: {
    'zh-CN': 'WAL 归档中已有内容不同的 {name}，拒绝覆盖',
    en: 'the WAL archive already holds a different {name}; refusing to overwrite it',
  },
  /** the archive has no such file (PostgreSQL asks for files that may not exist, e.g. timeline history) */
  BACKUP_WAL_NOT_FOUND: {
    'zh-CN': 'WAL 归档中没有 {name}',
    en: 'the WAL archive has no {name}',
  },
  /** the authenticated header names another WAL file than the file name does */
  BACKUP_WAL_MISMATCH: {
    'zh-CN': '归档文件 {file} 实际保存的是 WAL {actual}，拒绝取回',
    en: 'the archived file {file} holds WAL {actual}; refusing to fetch it',
  },
  /** a file the command was given cannot be read */
  BACKUP_FILE_UNREADABLE: {
    'zh-CN': '无法读取 {path}：{detail}',
    en: 'cannot read {path}: {detail}',
  },
  /** pg_basebackup's tar did not start with a backup_label, or a base backup's header lacks its start WAL */
  BACKUP_LABEL_MISSING: {
    'zh-CN': '基础备份缺少 backup_label（起始 WAL 位置）',
    en: 'the base backup has no backup_label (its start WAL location)',
  },
  /** a base backup given to the pg_dump rehearsal, or a full backup to the point-in-time one */
  BACKUP_WRONG_KIND: {
    'zh-CN': '{file} 是 {kind} 类备份，请用 {command}',
    en: '{file} is a {kind} backup; use {command}',
  },
  /** the restored server stopped or did not leave recovery in time */
  BACKUP_RECOVERY_FAILED: {
    'zh-CN': '恢复后的服务器未完成恢复：{detail}',
    en: 'the restored server did not finish recovery: {detail}',
  },
} as const;

export type BackupErrorCode = keyof typeof BACKUP_ERRORS;

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code}: ${fill(BACKUP_ERRORS[code].en, params)}`);
    this.name = 'BackupError';
  }

  /** Both languages, zh-CN first, for the terminal. */
  bilingual(): string {
    return `${fill(BACKUP_ERRORS[this.code]['zh-CN'], this.params)}\n${fill(BACKUP_ERRORS[this.code].en, this.params)}`;
  }
}

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
