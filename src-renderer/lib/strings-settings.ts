// Strings of the Settings panel (language, theme, data folder, backup and restore) in English and
// Simplified Chinese; spread into the app's tables in i18n.svelte.ts. File sizes keep their units.

/** "12.3 MB": bytes in the unit that reads best (units are not translated). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export const settingsEn = {
  settings: 'Settings',
  settingsClose: 'Close',
  settingsLanguage: 'Language',
  settingsTheme: 'Theme',
  themeSystem: 'Same as the system',
  themeLight: 'Light',
  themeDark: 'Dark',
  settingsDataFolder: 'Data folder',
  dataFolderHint: 'Your scenarios, runs, comparisons and backups are kept here, on this computer only.',
  dataFolderWeb: 'In the browser the data folder is the one the server was started with (modulon serve --data DIR); it cannot be changed from here.',
  dataFolderChoose: 'Choose another folder…',
  dataFolderDefault: 'Use the default folder',
  dataFolderEnv: 'The MODULON_DATA environment variable sets the folder for this start; it wins over the choice here.',
  dataFolderNext: (path: string) => `After a restart Modulon will use ${path}. The data already in the current folder stays there; copy a backup into the new folder's backups to take it along.`,
  restartNow: 'Restart now',
  backupTitle: 'Backup and restore',
  backupHint: 'A backup is a complete copy of the database, written safely while the app runs.',
  backupNow: 'Back up now',
  backupDone: (path: string, size: string) => `Backup written: ${path} (${size})`,
  backupsNone: 'No backups yet.',
  backupsList: 'Backups in this data folder',
  backupKind: { manual: 'backup', 'before-restore': 'before a restore', 'before-migration': 'before an update' } as Record<string, string>,
  restore: 'Restore…',
  restoreConfirm: (when: string) => `Restore the backup of ${when}? The scenarios, runs and comparisons stored now are replaced by those in the backup. A backup of the current data is made first, so nothing is lost.`,
  restoreYes: 'Restore',
  restoreCancel: 'Cancel',
  restoreUnsaved: 'The scenario in the editor has unsaved changes; they stay in the editor after the restore, unsaved.',
  restored: (when: string, safety: string) => `Restored the backup of ${when}. The data as it was just before is kept in ${safety}.`,
  restoreFailed: 'Restore refused:',
  backupFailed: 'The backup failed:',
  settingsWorking: 'Working…',
};

export const settingsZh: typeof settingsEn = {
  settings: '设置',
  settingsClose: '关闭',
  settingsLanguage: '语言',
  settingsTheme: '主题',
  themeSystem: '跟随系统',
  themeLight: '浅色',
  themeDark: '深色',
  settingsDataFolder: '数据文件夹',
  dataFolderHint: '您的情景、运行结果、比较和备份都保存在这里，仅在本机。',
  dataFolderWeb: '在浏览器中，数据文件夹是启动服务器时指定的文件夹（modulon serve --data DIR），无法在此更改。',
  dataFolderChoose: '选择其他文件夹…',
  dataFolderDefault: '使用默认文件夹',
  dataFolderEnv: '环境变量 MODULON_DATA 指定了本次启动的文件夹，它优先于此处的选择。',
  dataFolderNext: (path: string) => `重新启动后 Modulon 将使用 ${path}。当前文件夹中的数据仍保留在原处；如需带走，请将一个备份复制到新文件夹的 backups 中。`,
  restartNow: '立即重新启动',
  backupTitle: '备份与恢复',
  backupHint: '备份是数据库的完整副本，在应用运行时安全写入。',
  backupNow: '立即备份',
  backupDone: (path: string, size: string) => `已写入备份：${path}（${size}）`,
  backupsNone: '尚无备份。',
  backupsList: '此数据文件夹中的备份',
  backupKind: { manual: '备份', 'before-restore': '恢复之前', 'before-migration': '更新之前' } as Record<string, string>,
  restore: '恢复…',
  restoreConfirm: (when: string) => `恢复 ${when} 的备份吗？当前保存的情景、运行结果和比较将被备份中的内容替换。恢复前会先备份当前数据，因此不会丢失任何内容。`,
  restoreYes: '恢复',
  restoreCancel: '取消',
  restoreUnsaved: '编辑器中的情景有未保存的更改；恢复后它们仍留在编辑器中，处于未保存状态。',
  restored: (when: string, safety: string) => `已恢复 ${when} 的备份。恢复之前的数据保存在 ${safety}。`,
  restoreFailed: '恢复被拒绝：',
  backupFailed: '备份失败：',
  settingsWorking: '处理中…',
};
