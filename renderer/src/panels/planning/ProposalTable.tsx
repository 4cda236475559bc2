/** (Being written.) */
export function ProposalTable() {
  return null;
}
