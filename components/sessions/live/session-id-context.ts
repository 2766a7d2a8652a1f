"use client";

import { createContext } from "react";

/** The id of the session the page shows, for parts deep in a round (the timeline's requests). */
export const SessionIdContext = createContext<string | null>(null);
