# Sourced by the other scripts: `step "what (how long)"` prints what is being done next and how
# long the step before took; `done_steps` the last one's time and the total. A step that fails
# names itself (the ERR trap), with what to install or run where the script knows it.
_steps_start=$SECONDS _step_start=$SECONDS _step_name=""
_step_end() {
  if [[ -n "$_step_name" ]]; then
    printf '    … %s took %dm%02ds\n' "$_step_name" $(((SECONDS - _step_start) / 60)) $(((SECONDS - _step_start) % 60))
  fi
}
step() {
  _step_end
  _step_name="${1%% (*}" _step_start=$SECONDS
  printf '==> %s\n' "$1"
}
done_steps() {
  _step_end
  _step_name=""
  printf '==> done in %dm%02ds\n' $(((SECONDS - _steps_start) / 60)) $(((SECONDS - _steps_start) % 60))
}
trap '_rc=$?; if [[ -n "$_step_name" ]]; then printf "error: the step \"%s\" failed (exit %d); its output is above\n" "$_step_name" "$_rc" >&2; fi' ERR
