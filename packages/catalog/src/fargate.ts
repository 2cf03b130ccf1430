/**
 * Memory sizes (MiB) Fargate accepts for each CPU size, from the ECS task-size table
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size).
 */
const MEMORY_BY_CPU: Record<number, { min: number; max: number; step: number; extra?: number[] }> = {
  256: { min: 1024, max: 2048, step: 1024, extra: [512] },
  512: { min: 1024, max: 4096, step: 1024 },
  1024: { min: 2048, max: 8192, step: 1024 },
  2048: { min: 4096, max: 16384, step: 1024 },
  4096: { min: 8192, max: 30720, step: 1024 },
  8192: { min: 16384, max: 61440, step: 4096 },
  16384: { min: 32768, max: 122880, step: 8192 },
}

export function isValidFargateSize(cpu: number, memory: number): boolean {
  const rule = MEMORY_BY_CPU[cpu]
  if (!rule) return false
  if (rule.extra?.includes(memory)) return true
  return memory >= rule.min && memory <= rule.max && (memory - rule.min) % rule.step === 0
}

export function fargateMemoryHint(cpu: number): string {
  const rule = MEMORY_BY_CPU[cpu]
  if (!rule) return 'cpu must be one of 256, 512, 1024, 2048, 4096, 8192, 16384'
  return `cpu ${cpu} takes memory ${rule.extra ? `${rule.extra.join(', ')} or ` : ''}${rule.min} to ${rule.max} in steps of ${rule.step}`
}
