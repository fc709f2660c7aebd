from ib_tui.cli import main

raise SystemExit(main())
