Brenlow gets a two million crown heritage grant to restore its 1820 cider mill, closed since 1961.
A museum and working press are planned for next autumn.
