/** Fictional Chinese names for the demo county. None of them refers to a real place or person. */
import type { Rng } from './random.js';

const VILLAGE_FIRST = [
  '大', '小', '上', '下', '高', '新', '石', '枫', '杉', '竹', '茶', '桃', '李', '黄', '白', '青', '龙', '凤', '马', '牛',
  '田', '塘', '岩', '溪', '松', '柳', '梅', '金', '长', '双', '三', '五', '平', '横', '花', '桂', '鹿', '泉', '坪', '樟',
];
const VILLAGE_SECOND = [
  '坪', '坡', '冲', '湾', '溪', '塘', '田', '桥', '山', '岭', '坳', '垅', '寨', '坝', '口', '园', '林', '铺', '屋', '洞', '江', '岗', '源', '头',
];

/** `count` distinct two-character village names ending in 村. */
export function villageNames(rng: Rng, count: number): string[] {
  const all: string[] = [];
  for (const a of VILLAGE_FIRST) for (const b of VILLAGE_SECOND) if (a !== b) all.push(`${a}${b}村`);
  return rng.shuffle(all).slice(0, count);
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '朱', '马', '胡', '郭', '林', '何', '高', '罗', '郑', '梁', '谢', '唐', '向', '舒', '田', '彭', '邓', '蒋'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平', '刚', '桂', '英', '华', '建', '文', '红', '玲', '斌', '鹏', '雪', '琴', '志', '晨', '宇', '欣'];

/** `count` distinct fictional person names (surname + one or two given characters). */
export function personNames(rng: Rng, count: number): string[] {
  const out = new Set<string>();
  while (out.size < count) {
    const given = rng.chance(0.6) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
    out.add(rng.pick(SURNAMES) + given);
  }
  return [...out];
}
