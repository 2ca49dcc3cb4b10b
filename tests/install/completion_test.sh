#!/usr/bin/env bash
# completion_test.sh SOURCE PREFIX: the installed bash completion, sourced into bash as
# bash-completion does, completes commands, options, option choices and formats from the
# installed tool's --help.
source "$(dirname "$0")/test_support.sh"
source_dir=$1 prefix=$2
export PATH="$prefix/bin:$PATH"
# shellcheck source=../../scripts/completion/claimgraph
source "$prefix/share/bash-completion/completions/claimgraph"

complete -p claimgraph >"$scratch/registered" || fail "the script registers no completion for claimgraph"
expect_text "the registration" "complete -o default -F _claimgraph claimgraph" "$(cat "$scratch/registered")"

# completes WORD... gives EXPECTED...: completing the last WORD offers exactly EXPECTED.
completes() {
  local words=() expected=()
  while [[ $1 != gives ]]; do words+=("$1"); shift; done
  shift
  expected=("$@")
  COMP_WORDS=("${words[@]}")
  COMP_CWORD=$((${#words[@]} - 1))
  COMPREPLY=()
  _claimgraph
  expect_text "completing '${words[*]}'" "${expected[*]}" "${COMPREPLY[*]}"
}

commands=$(claimgraph --help | sed -n '/^Commands:$/,/^$/s/^  \([a-z][a-z-]*\)  .*/\1/p' | tr '\n' ' ')
# shellcheck disable=SC2086 # one word per command
completes claimgraph "" gives $commands --help --version
completes claimgraph sc gives score
completes claimgraph --v gives --version
completes claimgraph check --n gives --no-warnings
completes claimgraph check case.json --format "" gives text json
completes claimgraph score case.json --format j gives json
completes claimgraph score -- gives --method --reliability --interested-weight --no-verdicts --threads --as-of --format --output --distributed --shards --help
completes claimgraph shard -- gives --parts --output --help
completes claimgraph render --ou gives --output
completes claimgraph export "" gives prov-json claimreview graphml gexf
completes claimgraph import f gives flights-csv
# Where a file name is wanted, the script offers nothing and bash's own file completion
# (-o default) takes over.
completes claimgraph check "" gives
completes claimgraph render case.json -o "" gives
echo "bash completion: commands, options, choices and formats from --help"
