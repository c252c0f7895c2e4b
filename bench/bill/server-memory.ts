import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

/** A process and every process under it, from /proc's per-thread `children` lists. */
function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    const parent = tree[i];
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${parent}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        const children = readFileSync(`/proc/${parent}/task/${task}/children`, "utf8").trim();
        if (children) tree.push(...children.split(" ").map(Number));
      } catch {
        // The thread ended between the listing and the read.
      }
    }
  }
  return tree;
}

function rssKiB(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Resident memory of the server in MB (10^6 bytes; /proc counts KiB): the `next start` process and any children it has. Next 16
 * serves from the process `next start` runs in (it renames itself next-server and starts no worker),
 * so today this is that one process; were a version to hand requests to a child, the child would count.
 */
export function serverRssMB(pid: number): number {
  return (processTree(pid).reduce((sum, member) => sum + rssKiB(member), 0) * 1024) / 1e6;
}

export interface MemoryWatch {
  /** RSS just before the watched work started. */
  beforeMB: number;
  /** The most RSS any sample saw while it ran. */
  peakMB: number;
  /**
   * How much the peak rose in the second half of the work over the first: a download that held the
   * file would keep growing to its end, one that streams stops growing once its buffers are in use.
   */
  lateGrowthMB: number;
  samples: number;
  /** The longest gap between two samples: a busy bench process may take the timer late. */
  longestGapMs: number;
}

/** Samples the server's RSS every `intervalMs` while `work` runs. */
export async function watchServerMemory<T>(
  pid: number,
  intervalMs: number,
  work: () => Promise<T>,
): Promise<{ value: T; memory: MemoryWatch }> {
  const beforeMB = serverRssMB(pid);
  const started = performance.now();
  const seen: { at: number; rssMB: number }[] = [];
  let last = started;
  let longestGapMs = 0;
  const sample = () => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
    seen.push({ at: now, rssMB: serverRssMB(pid) });
  };
  const timer = setInterval(sample, intervalMs);
  try {
    const value = await work();
    sample();
    const halfway = (started + last) / 2;
    const peakOf = (samples: typeof seen) => Math.max(beforeMB, ...samples.map((s) => s.rssMB));
    const peakMB = peakOf(seen);
    const lateGrowthMB = peakMB - peakOf(seen.filter((s) => s.at <= halfway));
    return { value, memory: { beforeMB, peakMB, lateGrowthMB, samples: seen.length, longestGapMs } };
  } finally {
    clearInterval(timer);
  }
}
