# Sourced by benchmarks/*.sh. thread_ticks PID prints two numbers: the CPU clock ticks (10 ms each,
# utime + stime) of the process's JIT compiler threads (C1/C2 CompilerThread*, comm cut to 15
# characters), and of all its other threads. The shell twin of the load generator's ProcessCpu
# (CheckoutLoad --cpu), for scripts that time windows between generator runs.
thread_ticks() {
  local t v jit=0 other=0
  for t in /proc/"$1"/task/*; do
    v="$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null)" || continue
    [[ -n "$v" ]] || continue
    case "$(cat "$t/comm" 2>/dev/null)" in C1* | C2*) jit=$((jit + v)) ;; *) other=$((other + v)) ;; esac
  done
  echo "$jit $other"
}
