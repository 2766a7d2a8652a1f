import { describe, expect, it } from "vitest";
import { type BranchNode, buildBranchTree, sharedRounds } from "./branch-tree";

const node = (
  id: string,
  parentId: string | null,
  forkRound: number | null,
  roundCount: number,
  at: string,
) =>
  ({
    id,
    parentId,
    forkRound,
    status: "completed",
    awaiting: null,
    roundCount,
    createdAt: at,
  }) satisfies BranchNode;

// root (10 rounds) ─ a after 5 ─ c after 3 (of a)
//                  └ b after 7
const nodes = [
  node("c", "a", 3, 6, "2026-01-04"),
  node("root", null, null, 10, "2026-01-01"),
  node("b", "root", 7, 9, "2026-01-03"),
  node("a", "root", 5, 8, "2026-01-02"),
];

describe("branch tree", () => {
  it("nests children under their parent, oldest first", () => {
    const tree = buildBranchTree(nodes);
    expect(tree?.id).toBe("root");
    expect(tree?.children.map((child) => child.id)).toEqual(["a", "b"]);
    expect(tree?.children[0].children.map((child) => child.id)).toEqual(["c"]);
  });

  it("counts the rounds two branches share from their common ancestor", () => {
    expect(sharedRounds(nodes, "root", "a")).toBe(5);
    expect(sharedRounds(nodes, "a", "root")).toBe(5);
    expect(sharedRounds(nodes, "a", "b")).toBe(5);
    expect(sharedRounds(nodes, "b", "c")).toBe(3);
    expect(sharedRounds(nodes, "a", "c")).toBe(3);
    expect(sharedRounds(nodes, "root", "root")).toBe(10);
    expect(sharedRounds(nodes, "root", "elsewhere")).toBeNull();
  });
});
