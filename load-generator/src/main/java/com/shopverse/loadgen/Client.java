package com.shopverse.loadgen;

/** Sends the planned requests, each when it is due, and records what happened to them. */
interface Client {

  /** Returns when every request is done or given up, at the latest shortly after the deadline. */
  void run(Plan plan, Stats stats) throws InterruptedException;
}
