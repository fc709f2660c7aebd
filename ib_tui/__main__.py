from ib_tui.main import main

raise SystemExit(main())
